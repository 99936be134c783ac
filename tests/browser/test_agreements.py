"""Wijkafspraken on a 360 px phone: a partner opens Mijn pagina, answers a routed question
publicly, commits to its part of an agreement and posts a progress update with a new status; the
organiser sees it on the agreement's timeline; a resident party posts an update through their
personal link; the public reply shows with the card on the harvest page. axe on every page."""

import os
import re

from django.core import mail

from tests.followup.agreement_builders import make_agreement, make_question
from wijkdialoog.followup import partner_questions
from wijkdialoog.followup.models import AgreementParty, AgreementUpdate

PHONE_WIDTH = 360
# Set WIJKDIALOOG_SHOTS to a folder to look at the pages at 360 px afterwards.
SHOTS = os.environ.get("WIJKDIALOOG_SHOTS", "")


def fits(phone):
    return phone.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH


def shot(phone, name):
    if SHOTS:
        phone.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def test_a_partner_answers_commits_and_updates_on_a_phone(
    phone, page, neighbourhood, organiser, partner
):
    agreement, gemeente, _resident = make_agreement(neighbourhood, organiser)
    meeting = agreement.series.meetings.first()
    question = partner_questions.route(
        card=make_question(meeting),
        partner_kind="",
        partner_name="Gemeente Westerlaan",
        actor=organiser.person.user,
    )

    phone.log_in(partner.person.user)
    phone.goto("/mijn/")
    assert fits(phone)
    shot(phone, "1-my-page")
    assert agreement.title in phone.locator("#partner-agreements").inner_text()
    phone.click_and_wait(f"#routed-question-{question.pk} a")
    phone.fill("#answer-form #id_answer", "Het zebrapad komt in mei.")
    phone.check("#answer-form #id_is_public")
    assert fits(phone)
    shot(phone, "2-answer")
    phone.click_and_wait("#answer-form button[type=submit]")
    question.refresh_from_db()
    assert question.answer_is_public and question.answered_by == partner.person.user

    phone.goto("/mijn/")
    phone.click_and_wait(phone.locator("#partner-agreements a", has_text=agreement.title))
    phone.check(f"#respond-form-{gemeente.pk} input[value=committed]")
    phone.click_and_wait(f"#respond-form-{gemeente.pk} button[type=submit]")
    phone.select_option(f"#update-form-{gemeente.pk} select", "bezig")
    phone.fill(f"#update-form-{gemeente.pk} textarea", "De tekening is klaar.")
    phone.click_and_wait(f"#update-form-{gemeente.pk} button[type=submit]")
    assert fits(phone)
    shot(phone, "3-agreement")
    gemeente.refresh_from_db()
    assert (gemeente.response, gemeente.status) == ("committed", "bezig")

    page.log_in(organiser.person.user)
    page.goto(f"/afspraken/{agreement.pk}/")
    timeline = page.locator("#timeline").inner_text()
    assert "De tekening is klaar." in timeline
    assert "zegt toe" in timeline and "bezig" in timeline
    assert "neemt deel aan de afspraak" in timeline


def test_a_resident_party_updates_through_their_link_on_a_phone(
    phone, neighbourhood, organiser, partner
):
    agreement, _gemeente, resident = make_agreement(neighbourhood, organiser)
    message = next(m for m in reversed(mail.outbox) if m.to == ["rita@example.org"])
    link = re.search(r"https?://\S+/afspraak/[^/\s]+/", str(message.body)).group(0)
    card = make_question(agreement.series.meetings.first())
    question = partner_questions.route(
        card=card, partner_kind="gemeente", partner_name="", actor=organiser.person.user
    )
    partner_questions.answer(
        question=question,
        text="Het zebrapad komt in mei.",
        is_public=True,
        decline_reason="",
        actor=partner.person.user,
    )

    phone.goto(link)
    assert fits(phone)
    shot(phone, "4-resident-link")
    phone.select_option("#party-update-form select", "klaar")
    phone.fill("#party-update-form textarea", "Twaalf ouders tellen mee.")
    phone.click_and_wait("#party-update-form button[type=submit]")
    assert fits(phone)
    shot(phone, "5-resident-after")
    assert "Twaalf ouders tellen mee." in phone.locator("#timeline").inner_text()
    assert AgreementParty.objects.get(pk=resident.pk).status == "klaar"
    assert AgreementUpdate.objects.filter(party=resident, text="Twaalf ouders tellen mee.").exists()

    phone.goto(f"/wijkdialogen/{agreement.series_id}/oogst/")
    answer = phone.locator(f"#card-{card.pk}-answer").inner_text()
    assert "Reactie van de gemeente" in answer and "Het zebrapad komt in mei." in answer
    assert fits(phone)
    shot(phone, "6-public-harvest")


def test_the_organiser_changes_an_agreement_on_a_phone(phone, neighbourhood, organiser):
    agreement, _gemeente, _resident = make_agreement(neighbourhood, organiser)
    phone.log_in(organiser.person.user)
    phone.goto(f"/afspraken/{agreement.pk}/")
    phone.click_and_wait("#agreement-edit-link")
    phone.fill("#agreement-edit-form #id_title_en", "A safe crossing by the school")
    phone.check("#agreement-edit-form #id_is_public")
    assert fits(phone)
    shot(phone, "6-agreement-edit")
    phone.click_and_wait("#agreement-edit-form button[type=submit]")
    assert phone.path() == f"/afspraken/{agreement.pk}/"
    assert "buurtpagina" in phone.locator("#agreement-visibility").inner_text()
    agreement.refresh_from_db()
    assert agreement.title_en == "A safe crossing by the school" and agreement.is_public
