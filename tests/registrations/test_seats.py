"""Check-in asks for a walk-in's seat through registrations.seats; seating provides it."""

import pytest

from tests.builders import make_meeting
from wijkdialoog.registrations import check_in, seats
from wijkdialoog.seating.walk_ins import table_with_room


@pytest.fixture
def without_seating():
    saved = list(seats._provider)
    seats._provider.clear()
    yield
    seats._provider[:] = saved


def test_seating_provides_the_walk_in_seat_when_the_apps_are_ready():
    assert seats._provider == [table_with_room]


def test_without_a_provider_a_walk_in_is_checked_in_without_a_table(
    db, neighbourhood, organiser, without_seating
):
    meeting = make_meeting(neighbourhood, seats=(4, 4), days=0)

    walk_in = check_in.add_walk_in(meeting=meeting, first_name="Kees", actor=organiser.person.user)

    assert walk_in.checked_in_at is not None
    assert walk_in.table_id is None
    assert walk_in.seat_added is False


def test_the_provider_is_asked_with_the_meeting_and_the_new_registration(
    db, neighbourhood, organiser, without_seating
):
    meeting = make_meeting(neighbourhood, seats=(4, 4), days=0)
    table = meeting.tables.get(number=2)
    asked = []

    def place(asked_meeting, registration):
        asked.append((asked_meeting.pk, registration.person.first_name))
        return table.pk, False

    seats.provide_walk_in_seating(place)
    walk_in = check_in.add_walk_in(meeting=meeting, first_name="Kees", actor=organiser.person.user)

    assert asked == [(meeting.pk, "Kees")]
    assert walk_in.table_id == table.pk
