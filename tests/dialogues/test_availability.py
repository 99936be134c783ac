import datetime

from django.utils import timezone

from tests.builders import make_meeting, make_person, make_registration, make_table
from wijkdialoog.dialogues import availability
from wijkdialoog.dialogues.availability import State
from wijkdialoog.dialogues.models import Meeting


def _register(meeting, organisation, count, status="confirmed"):
    for _ in range(count):
        make_registration(meeting, make_person(organisation, first_name="Buur"), status=status)


def test_places_left_counts_confirmed_registrations_against_the_seats(meeting, organisation):
    make_table(meeting, number=1, seats=8)
    make_table(meeting, number=2, seats=6)
    _register(meeting, organisation, 5)
    _register(meeting, organisation, 2, status="waiting")
    _register(meeting, organisation, 3, status="cancelled")

    assert availability.places_left(meeting) == 9
    assert availability.waiting_count(meeting) == 2


def test_the_list_annotation_agrees_with_the_single_count(meeting, organisation):
    make_table(meeting, number=1, seats=8)
    make_table(meeting, number=2, seats=6)
    _register(meeting, organisation, 4)
    _register(meeting, organisation, 1, status="waiting")

    annotated = availability.with_availability(Meeting.objects.all()).get(pk=meeting.pk)

    assert (annotated.seats_total, annotated.confirmed_count, annotated.waiting_count) == (14, 4, 1)
    assert availability.places_left(annotated) == availability.places_left(meeting) == 10


def test_places_left_never_goes_below_zero(meeting, organisation):
    make_table(meeting, number=1, seats=4)
    _register(meeting, organisation, 5)
    assert availability.places_left(meeting) == 0
    assert availability.state(meeting) == State.FULL


def test_a_meeting_without_tables_has_no_places_and_is_not_open_yet(meeting):
    assert availability.places_left(meeting) == 0
    assert availability.state(meeting) == State.NOT_YET


def test_the_state_follows_the_meeting(series, organisation):
    now = timezone.now()
    open_meeting = make_meeting(series, days=10)
    make_table(open_meeting)
    assert availability.state(open_meeting, now) == State.OPEN

    closed = make_meeting(series, days=2, registration_closes_at=now - datetime.timedelta(hours=1))
    make_table(closed)
    assert availability.state(closed, now) == State.CLOSED

    cancelled = make_meeting(series, days=10, cancelled_at=now)
    assert availability.state(cancelled, now) == State.CANCELLED

    past = make_meeting(series, days=-3)
    assert availability.state(past, now) == State.PAST


def test_without_an_app_that_counts_registrations_every_seat_is_free(
    meeting, organisation, monkeypatch
):
    make_table(meeting, number=1, seats=8)
    _register(meeting, organisation, 5)
    monkeypatch.setattr(availability, "_counts", availability.NO_COUNTS)

    annotated = availability.with_availability(Meeting.objects.all()).get(pk=meeting.pk)

    assert availability.places_left(meeting) == availability.places_left(annotated) == 8
