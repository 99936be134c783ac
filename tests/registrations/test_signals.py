"""Registrations announces confirmed and cancelled registrations after commit, once."""

import pytest
from django.db import transaction

from tests.builders import make_meeting, sign_up
from tests.signals import Rollback, listen
from wijkdialoog.registrations import registering
from wijkdialoog.registrations.models import Registration
from wijkdialoog.registrations.signals import registration_cancelled, registration_confirmed


@pytest.fixture
def meeting(neighbourhood):
    return make_meeting(neighbourhood, seats=(4,))


def fill(meeting):
    return [sign_up(meeting, name) for name in ("Anna", "Bas", "Cor", "Dirk")]


def test_a_registration_with_a_place_is_announced_once_after_commit(
    meeting, django_capture_on_commit_callbacks
):
    with listen(registration_confirmed) as heard, django_capture_on_commit_callbacks(execute=True):
        registration = sign_up(meeting, "Anna")
        assert heard == []

    assert [(event["sender"], event["registration"]) for event in heard] == [
        (Registration, registration)
    ]


def test_a_place_on_the_waiting_list_is_not_announced_as_confirmed(
    meeting, django_capture_on_commit_callbacks
):
    fill(meeting)

    with listen(registration_confirmed) as heard, django_capture_on_commit_callbacks(execute=True):
        waiting = sign_up(meeting, "Bert")

    assert waiting.status == Registration.Status.WAITING
    assert heard == []


def test_cancelling_announces_the_cancellation_and_the_person_who_moves_up(
    meeting, django_capture_on_commit_callbacks
):
    anna = fill(meeting)[0]
    bert = sign_up(meeting, "Bert")

    with (
        listen(registration_cancelled) as cancelled,
        listen(registration_confirmed) as confirmed,
        django_capture_on_commit_callbacks(execute=True),
    ):
        registering.cancel(registration=anna)

    assert [(event["registration"], event["previous_status"]) for event in cancelled] == [
        (anna, Registration.Status.CONFIRMED)
    ]
    assert [event["registration"] for event in confirmed] == [bert]


def test_cancelling_twice_announces_it_once(meeting, django_capture_on_commit_callbacks):
    anna = sign_up(meeting, "Anna")

    with listen(registration_cancelled) as heard, django_capture_on_commit_callbacks(execute=True):
        registering.cancel(registration=anna)
        registering.cancel(registration=anna)

    assert len(heard) == 1


def test_a_registration_that_is_rolled_back_announces_nothing(
    meeting, django_capture_on_commit_callbacks
):
    with (
        listen(registration_confirmed) as heard,
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(Rollback),
        transaction.atomic(),
    ):
        sign_up(meeting, "Anna")
        raise Rollback

    assert heard == []
