"""Choosing one dream together on a 360 px phone: a resident votes and changes the vote without
an account; the organiser closes the vote, confirms the choice and records what the minority
needs; the condition shows with the decision on the public neighbourhood page. Every page is
checked with axe."""

from django.urls import reverse

from tests.followup.decision_builders import dream_decision
from wijkdialoog.followup.models import Decision, DecisionVote

PHONE_WIDTH = 360


def fits(phone):
    return phone.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH


def test_a_resident_votes_on_a_phone_and_the_minority_condition_shows_in_public(
    phone, neighbourhood, organiser
):
    decision = dream_decision(neighbourhood, status=Decision.Status.OPEN)
    first, second, _third = decision.options.order_by("position")

    phone.goto(reverse("decision-vote", args=[decision.token]))
    assert fits(phone)
    phone.click_and_wait(f"#option-{first.pk}")
    assert DecisionVote.objects.get().option == first
    assert phone.locator(f"#option-{first.pk}").get_attribute("aria-pressed") == "true"
    phone.click_and_wait(f"#option-{second.pk}")
    assert DecisionVote.objects.get().option == second
    assert fits(phone)

    phone.log_in(organiser.person.user)
    phone.goto(reverse("decision-manage", args=[decision.pk]))
    assert fits(phone)
    phone.click_and_wait("#close-vote")
    phone.check(f"#winner-form input[value='{second.pk}']")
    phone.click_and_wait("#winner-form button[type=submit]")
    phone.fill("#minority-form #id_minority_view", "Een paar buren kozen de moestuin.")
    phone.fill("#minority-form #id_minority_needs", "Een hoekje met plantenbakken.")
    phone.click_and_wait("#minority-form button[type=submit]")
    decision.refresh_from_db()
    assert decision.winner == second and decision.minority_needs == "Een hoekje met plantenbakken."
    assert fits(phone)

    place = decision.series.neighbourhood
    phone.goto(reverse("neighbourhood-public", args=[place.organisation.slug, place.slug]))
    shown = phone.locator(f"#public-decision-{decision.pk}").inner_text()
    assert "Een buurtkamer op zaterdag" in shown and "Een hoekje met plantenbakken." in shown
    assert fits(phone)

    # The closed vote's page says so, with the choice and the condition.
    phone.goto(reverse("decision-vote", args=[decision.token]))
    assert "Een hoekje met plantenbakken." in phone.locator("main").inner_text()


def test_the_organiser_prepares_a_decision_and_makes_the_choice_an_initiative(
    page, neighbourhood, organiser
):
    from tests.builders import make_card, make_harvest_meeting
    from wijkdialoog.followup import decisions

    meeting = make_harvest_meeting(neighbourhood)
    cards = [make_card(meeting, text, kind="dream") for text in ("Moestuin", "Buurtkamer")]
    page.log_in(organiser.person.user)
    page.goto(reverse("series-detail", args=[meeting.series_id]))
    page.click_and_wait("#series-decisions-link")
    page.click_and_wait("#decision-create-link")
    page.fill("#decision-form #id_title", "Welke droom?")
    page.fill("#decision-form #id_question", "Welke droom gaan we samen waarmaken?")
    page.click_and_wait("#decision-form button[type=submit]")
    decision = Decision.objects.get(title="Welke droom?")
    for card in cards:
        page.check(f"#options-form input[name=cards][value='{card.pk}']")
    page.click_and_wait("#options-form button[type=submit]")
    page.click_and_wait("#open-vote")
    assert page.locator("#qr-link").is_visible()
    option = decision.options.order_by("position").last()
    decisions.record_paper_votes(decision=decision, tallies={option.pk: 7}, actor=None)
    page.click_and_wait("#close-vote")
    page.click_and_wait("#winner-form button[type=submit]")  # the suggestion is preselected
    page.fill("#minority-form #id_minority_needs", "Ook een moestuinhoek.")
    page.click_and_wait("#minority-form button[type=submit]")
    page.fill("#initiative-form #id_moment_1_on", "2030-03-01")
    page.fill("#initiative-form #id_moment_1_what", "Werkgroep start")
    page.click_and_wait("#initiative-form button[type=submit]")
    decision.refresh_from_db()
    assert decision.winner == option and decision.initiative.name == "Buurtkamer"
    assert "Ook een moestuinhoek." in page.locator("#initiative-decision").inner_text()
    assert "Werkgroep start" in page.locator("#contact-moments").inner_text()
    place = neighbourhood
    page.goto(
        reverse(
            "initiative-public", args=[place.organisation.slug, place.slug, decision.initiative.pk]
        )
    )
    assert "Ook een moestuinhoek." in page.locator("#initiative-decision").inner_text()
