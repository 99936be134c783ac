"""Facilitator mode's opening phase shows the look-back in a few lines, with the shipped
method's optional terugblik round, at a meeting after the first of its series only."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.builders import make_meeting, seat
from tests.followup.builders import past_meeting_with_actions
from tests.followup.initiative_builders import make_initiative
from wijkdialoog.harvest import running
from wijkdialoog.methods.models import Method
from wijkdialoog.methods.shipped import sync_shipped_methods


def _run_page(meeting, facilitator, language="nl"):
    table = meeting.tables.first() or meeting.tables.create(number=1, seats=8)
    table.facilitator, table.language = facilitator.person, language
    table.save()
    seat(table, "Anna")
    running.start_run(table=table, actor=facilitator.person.user)
    client = Client()
    client.force_login(facilitator.person.user)
    return client, table


@pytest.fixture
def follow_up_meeting(neighbourhood):
    past, _people = past_meeting_with_actions(neighbourhood, days=-20)
    make_initiative(past.series, name="Moestuin achter De Kersenboom")
    make_initiative(past.series, name="Geheim plan", is_public=False)
    sync_shipped_methods()  # a transactional test may have flushed the migration's methods
    oasis = Method.objects.get(organisation=None, family="oasis", language="nl")
    return make_meeting(past.series, days=0, hours=-0.5, method=oasis, seats=(8,))


def test_the_opening_phase_of_a_follow_up_meeting_looks_back(follow_up_meeting, facilitator):
    client, table = _run_page(follow_up_meeting, facilitator)
    html = client.get(reverse("table-run", args=[table.pk])).content.decode()
    look_back = html.split('id="run-look-back"')[1].split("</details>")[0]
    assert "Terugblik" in look_back and "Hoe ging het met je eigen stap?" in look_back
    assert "Moestuin achter De Kersenboom" in look_back and "Geheim plan" not in look_back
    assert 'id="run-look-back-steps"' in look_back
    # The next phase has no look-back.
    client.post(
        reverse("table-run-phase", args=[table.pk]),
        {"from_position": 1, "direction": "next"},
    )
    html = client.get(reverse("table-run", args=[table.pk])).content.decode()
    assert 'id="run-look-back"' not in html


def test_the_first_meeting_of_a_series_has_no_look_back(neighbourhood, facilitator):
    past, _people = past_meeting_with_actions(neighbourhood, days=0)
    client, table = _run_page(past, facilitator)
    html = client.get(reverse("table-run", args=[table.pk])).content.decode()
    assert 'id="run-look-back"' not in html


def test_the_look_back_round_is_in_english_for_an_english_method(follow_up_meeting, facilitator):
    client, table = _run_page(follow_up_meeting, facilitator, language="en")
    html = client.get(reverse("table-run", args=[table.pk])).content.decode()
    assert "Looking back" in html.split('id="run-look-back"')[1]
