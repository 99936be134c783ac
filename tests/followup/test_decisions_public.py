"""The decision in public: on the neighbourhood page and on the initiative's page, with the
result and what the minority needs; nothing before the choice is made; never who voted."""

from django.test import Client
from django.urls import reverse

from tests.followup.decision_builders import decided, dream_decision
from wijkdialoog.followup import decisions
from wijkdialoog.followup.models import Decision


def neighbourhood_url(neighbourhood):
    return reverse(
        "neighbourhood-public", args=[neighbourhood.organisation.slug, neighbourhood.slug]
    )


def test_the_neighbourhood_page_shows_the_choice_with_what_the_minority_needs(neighbourhood):
    decision = decided(neighbourhood, needs="Dat het ook open is voor ouderen.")
    page = Client().get(neighbourhood_url(neighbourhood)).content.decode()
    assert f'id="public-decision-{decision.pk}"' in page
    assert "Welke droom gaan we samen waarmaken?" in page
    assert "Een bankje bij de vijver" in page
    assert "Dat het ook open is voor ouderen." in page
    assert "Drie buren willen liever de moestuin." in page


def test_a_decision_without_a_confirmed_choice_is_not_public(neighbourhood):
    dream_decision(neighbourhood, status=Decision.Status.CLOSED)
    page = Client().get(neighbourhood_url(neighbourhood)).content.decode()
    assert 'id="neighbourhood-decisions"' not in page


def test_the_english_page_shows_the_english_condition_and_marks_a_dutch_one(neighbourhood):
    decision = decided(neighbourhood, needs="Een hoekje voor ouderen.")
    visitor = Client(headers={"accept-language": "en"})
    visitor.cookies["django_language"] = "en"
    content = visitor.get(neighbourhood_url(neighbourhood)).content.decode()
    assert "What the minority needs to come along" in content
    assert 'lang="nl"' in content and "Een hoekje voor ouderen." in content
    decision.minority_needs_en = "A corner for older neighbours."
    decision.save()
    content = visitor.get(neighbourhood_url(neighbourhood)).content.decode()
    assert "A corner for older neighbours." in content


def test_the_initiative_page_says_when_it_was_chosen_and_what_the_minority_needs(neighbourhood):
    import datetime

    decision = decided(neighbourhood, needs="Een hoekje voor plantenbakken.")
    initiative = decisions.make_initiative(
        decision=decision,
        name="Buurtkamer op zaterdag",
        what="Elke zaterdag open.",
        is_public=True,
        moments=[(datetime.date(2027, 2, 6), "Werkgroep komt samen")],
        actor=None,
    )
    place = initiative.series.neighbourhood
    url = reverse("initiative-public", args=[place.organisation.slug, place.slug, initiative.pk])
    page = Client().get(url).content.decode()
    assert 'id="initiative-decision"' in page
    assert "Een hoekje voor plantenbakken." in page
    assert "Werkgroep komt samen" in page and 'datetime="2027-02-06"' in page
    neighbourhood_page = Client().get(neighbourhood_url(neighbourhood)).content.decode()
    assert url in neighbourhood_page


def test_making_the_initiative_twice_is_refused(neighbourhood):
    import pytest
    from django.core.exceptions import ValidationError

    decision = decided(neighbourhood)
    decisions.make_initiative(
        decision=decision, name="A", what="B", is_public=False, moments=[], actor=None
    )
    with pytest.raises(ValidationError):
        decisions.make_initiative(
            decision=decision, name="A", what="B", is_public=False, moments=[], actor=None
        )


def test_the_meeting_page_shows_the_choice_made_there_with_the_condition(neighbourhood):
    decision = decided(neighbourhood, needs="Een speelhoek op zaterdag.")
    page = Client().get(reverse("meeting-public", args=[decision.meeting_id])).content.decode()
    assert 'id="meeting-decisions"' in page and "Een speelhoek op zaterdag." in page
    assert "Een bankje bij de vijver" in page


def test_the_public_pages_are_open_to_every_persona(
    neighbourhood, organiser, facilitator, partner, trainer, outsider, user_for
):
    decision = decided(neighbourhood)
    urls = [
        neighbourhood_url(neighbourhood),
        reverse("meeting-public", args=[decision.meeting_id]),
        reverse("decision-vote", args=[decision.token]),
    ]
    for persona in ("anonymous", "organiser", "facilitator", "partner", "trainer", "outsider"):
        client = Client()
        if persona != "anonymous":
            client.force_login(user_for(persona))
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, (persona, url)
            assert "Dat het ook open is voor ouderen." in response.content.decode()
