"""Dialogues announces its events after commit, once, and never for a change that is undone."""

import pytest
from django.db import transaction

from tests.builders import make_table
from tests.signals import Rollback, listen
from wijkdialoog.dialogues import planning
from wijkdialoog.dialogues.models import Meeting
from wijkdialoog.dialogues.signals import meeting_cancelled, places_added


def test_cancelling_a_meeting_announces_it_once_after_commit(
    meeting, organiser, django_capture_on_commit_callbacks
):
    user = organiser.person.user
    with listen(meeting_cancelled) as heard, django_capture_on_commit_callbacks(execute=True):
        planning.cancel_meeting(meeting=meeting, actor=user, reason="storm")
        assert heard == []

    assert len(heard) == 1
    assert heard[0]["sender"] is Meeting
    assert heard[0]["meeting"].pk == meeting.pk
    assert heard[0]["actor"] == user


def test_a_cancellation_that_is_rolled_back_announces_nothing(
    meeting, organiser, django_capture_on_commit_callbacks
):
    with (
        listen(meeting_cancelled) as heard,
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(Rollback),
        transaction.atomic(),
    ):
        planning.cancel_meeting(meeting=meeting, actor=organiser.person.user)
        raise Rollback

    assert heard == []


def test_a_new_table_and_more_seats_announce_new_places(
    meeting, organiser, django_capture_on_commit_callbacks
):
    user = organiser.person.user
    with listen(places_added) as heard, django_capture_on_commit_callbacks(execute=True):
        table = planning.save_table(meeting=meeting, actor=user, number=1, seats=6)
    assert [event["meeting"].pk for event in heard] == [meeting.pk]

    with listen(places_added) as heard, django_capture_on_commit_callbacks(execute=True):
        planning.save_table(meeting=meeting, actor=user, table=table, seats=8)
    assert len(heard) == 1


def test_fewer_seats_announce_no_new_places(meeting, organiser, django_capture_on_commit_callbacks):
    table = make_table(meeting, seats=8)

    with listen(places_added) as heard, django_capture_on_commit_callbacks(execute=True):
        planning.save_table(meeting=meeting, actor=organiser.person.user, table=table, seats=6)

    assert heard == []
