"""The next round looks back: "Sinds de vorige keer" on the public and organiser pages of a
meeting after the first, only counts of personal steps, public items only in public; the series
timeline; the terugblik round of the shipped methods."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.builders import make_meeting
from tests.followup.agreement_builders import make_agreement
from tests.followup.builders import past_meeting_with_actions
from tests.followup.initiative_builders import make_initiative
from wijkdialoog.followup import agreements, initiatives, lookback
from wijkdialoog.followup.models import Agreement, StepAnswer
from wijkdialoog.methods.shipped import look_back_round, read_families


@pytest.fixture
def next_meeting(neighbourhood, organiser):
    """A past meeting with personal actions (one answered done), a public initiative with an
    update, a private initiative, a non-public agreement, and the next meeting in a week."""
    past, people = past_meeting_with_actions(neighbourhood, days=-20)
    series = past.series
    public = make_initiative(series, name="Moestuin achter De Kersenboom")
    initiatives.post_update(initiative=public, text="De bakken staan er.", actor=organiser)
    make_initiative(series, name="Geheim plan", is_public=False)
    agreement = Agreement.objects.create(series=series, title="Bankje bij de speeltuin")
    agreements.set_status(agreement=agreement, status="bezig", text="Besteld.", actor=organiser)
    card = past.cards.filter(owner=people["anna"]).first()
    from wijkdialoog.followup.models import FollowUp

    follow_up = FollowUp.objects.create(meeting=past, person=people["anna"])
    StepAnswer.objects.create(follow_up=follow_up, card=card, status=StepAnswer.Status.DONE)
    return make_meeting(series, days=7), past


def test_the_first_meeting_of_a_series_does_not_look_back(neighbourhood):
    past, _people = past_meeting_with_actions(neighbourhood)
    assert lookback.for_meeting(past, public_only=True) is None
    page = Client().get(reverse("meeting-public", args=[past.pk]))
    assert 'id="look-back"' not in page.content.decode()


def test_the_public_page_of_the_next_meeting_shows_public_progress_and_counts(next_meeting):
    meeting, past = next_meeting
    page = Client().get(reverse("meeting-public", args=[meeting.pk]))
    html = page.content.decode()
    assert 'id="look-back"' in html
    assert "Moestuin achter De Kersenboom" in html and "De bakken staan er." in html
    assert "Geheim plan" not in html and "Bankje bij de speeltuin" not in html
    # Only counts of the personal steps: never whose step or what it said.
    assert 'id="look-back-steps"' in html
    assert "Anna" not in html and "moestuin." not in html.lower().split("kersenboom")[0]
    assert "Ik ga mijn buren groeten" not in html


def test_the_organiser_sees_every_item_of_the_series(next_meeting, client_for):
    meeting, _past = next_meeting
    html = (
        client_for("organiser").get(reverse("meeting-manage", args=[meeting.pk])).content.decode()
    )
    assert 'id="look-back"' in html
    assert "Geheim plan" in html and "Bankje bij de speeltuin" in html and "Besteld." in html


def test_the_counts_are_the_steps_of_the_earlier_meetings(next_meeting):
    meeting, _past = next_meeting
    look_back = lookback.for_meeting(meeting, public_only=True)
    assert look_back.steps.actions == 4 and look_back.steps.done == 1
    assert [line.title for line in look_back.lines] == ["Moestuin achter De Kersenboom"]
    assert look_back.changed  # updated since the previous meeting


def test_the_series_timeline_shows_rounds_agreements_and_initiatives(next_meeting, client_for):
    meeting, past = next_meeting
    url = reverse("series-detail", args=[meeting.series_id])
    html = client_for("organiser").get(url).content.decode()
    assert 'id="series-timeline"' in html
    timeline = html.split('id="series-timeline"')[1]
    assert timeline.index("Bankje bij de speeltuin") < timeline.rindex(meeting.display_title)
    with translation.override("en"):
        labels = [str(moment.label) for moment in lookback.timeline(meeting.series)]
    assert labels.count("Meeting") == 2 and "Agreement status" in labels
    assert "Initiative started" in labels


def test_the_series_timeline_is_for_organisers_only(next_meeting, user_for):
    meeting, _past = next_meeting
    url = reverse("series-detail", args=[meeting.series_id])
    for persona in ["facilitator", "partner", "trainer", "outsider"]:
        client = Client()
        client.force_login(user_for(persona))
        response = client.get(url)
        assert 'id="series-timeline"' not in response.content.decode(), persona


def test_every_shipped_method_has_a_terugblik_round_in_both_languages():
    for family in read_families():
        dutch = look_back_round(family["family"], "nl")
        english = look_back_round(family["family"], "en")
        assert dutch.name == "Terugblik" and english.name == "Looking back"
        assert dutch.questions and english.questions and dutch.minutes <= 15


def test_an_agreement_is_not_public_unless_the_organiser_says_so(neighbourhood, organiser):
    agreement, _gemeente, _resident = make_agreement(neighbourhood, organiser)
    assert agreement.is_public is False
