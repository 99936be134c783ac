"""Running a table: start, next and previous phase, turns, the quiet timer, closing; each change
in one transaction with its audit entry, and safe to repeat."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.builders import make_meeting, make_method, seat
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.harvest import running
from wijkdialoog.harvest.models import TableRun, Turn
from wijkdialoog.methods.models import Method
from wijkdialoog.methods.selection import WAARDERENDE_DIALOOG
from wijkdialoog.registrations.models import Registration


def actions(run):
    return list(
        AuditEntry.objects.filter(object_id=str(run.pk), action__startswith="table_run.")
        .order_by("created_at", "id")
        .values_list("action", flat=True)
    )


def test_starting_opens_the_first_phase_of_the_meetings_method(table, method, facilitator):
    run = running.start_run(table=table, actor=facilitator.person.user)

    assert run.method == method
    assert run.phase_position == 1
    assert run.started_at is not None
    assert run.phase_started_at == run.started_at
    assert actions(run) == ["table_run.prepared", "table_run.started"]


def test_starting_twice_changes_nothing(table, facilitator):
    first = running.start_run(table=table, actor=facilitator.person.user)
    again = running.start_run(table=table, actor=facilitator.person.user)

    assert again.pk == first.pk
    assert again.started_at == first.started_at
    assert TableRun.objects.count() == 1
    assert actions(first) == ["table_run.prepared", "table_run.started"]


def test_a_table_follows_the_meetings_own_method_over_the_series_default(
    table, organisation, facilitator
):
    own = make_method(organisation=organisation, name="Korte dialoog")
    table.meeting.method = own
    table.meeting.save()

    run = running.start_run(table=table, actor=facilitator.person.user)

    assert run.method == own


def test_a_prepared_run_takes_the_method_chosen_later_when_it_starts(
    table, organisation, facilitator
):
    prepared = running.prepare_run(table=table, actor=facilitator.person.user)
    other = make_method(organisation=organisation, name="Andere methode")
    table.meeting.method = other
    table.meeting.save()

    run = running.start_run(table=table, actor=facilitator.person.user)

    assert run.pk == prepared.pk
    assert run.method == other


def test_a_meeting_without_a_method_uses_the_shipped_waarderende_dialoog(
    neighbourhood, facilitator
):
    Method.objects.filter(organisation__isnull=True).delete()
    shipped = make_method(name="Waarderende dialoog", family=WAARDERENDE_DIALOOG)
    table = make_meeting(neighbourhood, default_method=None, days=0, hours=-0.5).tables.get()

    run = running.start_run(table=table, actor=facilitator.person.user)

    assert run.method == shipped


def test_a_method_without_phases_cannot_start(neighbourhood, organisation, facilitator):
    empty = make_method(organisation=organisation, name="Leeg", phases=[])
    table = make_meeting(neighbourhood, default_method=empty, days=0, hours=-0.5).tables.get()

    with pytest.raises(ValidationError) as refused:
        running.start_run(table=table, actor=facilitator.person.user)

    assert refused.value.code == "no_phases"
    assert not TableRun.objects.exists()


def test_next_and_previous_move_one_phase_and_restart_the_timer(run, facilitator):
    user = facilitator.person.user
    later = timezone.now() + datetime.timedelta(minutes=12)
    with time_machine.travel(later, tick=False):
        run = running.go_to_phase(run=run, direction="next", actor=user)
    assert run.phase_position == 2
    assert run.phase_started_at == later
    run = running.go_to_phase(run=run, direction="next", actor=user)
    run = running.go_to_phase(run=run, direction="previous", actor=user)

    assert run.phase_position == 2
    assert actions(run)[-3:] == ["table_run.phase_changed"] * 3
    entry = AuditEntry.objects.filter(action="table_run.phase_changed").order_by("id").first()
    assert entry.payload == {"from": 1, "to": 2}


def test_there_is_no_phase_before_the_first_or_after_the_last(run, facilitator):
    user = facilitator.person.user
    assert running.go_to_phase(run=run, direction="previous", actor=user).phase_position == 1
    for _ in range(10):
        run = running.go_to_phase(run=run, direction="next", actor=user)

    assert run.phase_position == 4
    assert actions(run).count("table_run.phase_changed") == 3


def test_a_late_second_tap_on_next_does_not_skip_a_phase(run, facilitator):
    user = facilitator.person.user
    running.go_to_phase(run=run, direction="next", from_position=1, actor=user)
    run = running.go_to_phase(run=run, direction="next", from_position=1, actor=user)

    assert run.phase_position == 2


def test_phases_cannot_change_before_the_start_or_after_closing(table, run, facilitator):
    user = facilitator.person.user
    running.close_run(run=run, closing_note="", actor=user)
    with pytest.raises(ValidationError):
        running.go_to_phase(run=run, direction="next", actor=user)

    other = make_meeting(
        table.meeting.series.neighbourhood, default_method=run.method, days=0, hours=-0.5
    ).tables.get()
    prepared = running.prepare_run(table=other, actor=user)
    with pytest.raises(ValidationError):
        running.go_to_phase(run=prepared, direction="next", actor=user)


def test_the_current_phase_survives_an_edited_method(run, facilitator):
    running.go_to_phase(run=run, direction="next", actor=facilitator.person.user)
    run.refresh_from_db()
    run.method.phases.filter(position=2).delete()

    phases = running.phases_of(run)
    assert running.current_phase(run, phases).position == 3


def test_the_timer_counts_down_the_minutes_of_the_phase(run):
    phase = running.current_phase(run, running.phases_of(run))  # 10 minutes
    start = run.phase_started_at

    assert running.phase_clock(run, phase, now=start).minutes_left == 10
    assert (
        running.phase_clock(run, phase, now=start + datetime.timedelta(minutes=3.5)).minutes_left
        == 7
    )
    assert (
        running.phase_clock(
            run, phase, now=start + datetime.timedelta(minutes=9, seconds=50)
        ).minutes_left
        == 1
    )
    clock = running.phase_clock(run, phase, now=start + datetime.timedelta(minutes=10, seconds=20))
    assert clock.minutes_left == 0
    assert clock.is_over
    late = running.phase_clock(run, phase, now=start + datetime.timedelta(minutes=13, seconds=5))
    assert late.minutes_over == 3
    assert late.ends_at == start + datetime.timedelta(minutes=10)


def test_turns_are_marked_once_per_phase_and_can_be_undone(run, people, facilitator):
    user = facilitator.person.user
    anna, bram, _cem = people

    assert running.mark_turn(run=run, registration=anna, actor=user) is True
    assert running.mark_turn(run=run, registration=anna, actor=user) is False
    running.mark_turn(run=run, registration=bram, actor=user)
    assert running.spoken_in_current_phase(run) == {anna.pk, bram.pk}

    assert running.unmark_turn(run=run, registration=bram, actor=user) is True
    assert running.unmark_turn(run=run, registration=bram, actor=user) is False
    assert running.spoken_in_current_phase(run) == {anna.pk}

    # A new phase is a new round: nobody has spoken yet.
    run = running.go_to_phase(run=run, direction="next", actor=user)
    assert running.spoken_in_current_phase(run) == set()
    assert Turn.objects.count() == 1
    assert actions(run).count("table_run.turn_marked") == 2
    assert actions(run).count("table_run.turn_unmarked") == 1


def test_only_people_seated_at_this_table_get_a_turn(run, table, facilitator):
    other_table = table.meeting.tables.get(number=2)
    elsewhere = seat(other_table, "Dirk")
    cancelled = seat(table, "Els")
    cancelled.status = Registration.Status.CANCELLED
    cancelled.table = None
    cancelled.save()

    for registration in (elsewhere, cancelled):
        with pytest.raises(ValidationError):
            running.mark_turn(run=run, registration=registration, actor=facilitator.person.user)
    assert not Turn.objects.exists()


def test_the_people_at_the_table_are_its_confirmed_registrations(table, people):
    waiting = seat(table.meeting.tables.get(number=2), "Zoë")
    waiting.status = Registration.Status.CANCELLED
    waiting.table = None
    waiting.save()

    names = [r.person.first_name for r in running.people_at_table(table)]
    assert names == ["Anna", "Bram", "Cem"]


def test_closing_keeps_the_note_and_closing_again_only_updates_it(run, facilitator):
    user = facilitator.person.user
    run = running.close_run(
        run=run, closing_note="  Goed gesprek, Bram wil meer doen. ", actor=user
    )
    closed_at = run.closed_at

    assert closed_at is not None
    assert run.closing_note == "Goed gesprek, Bram wil meer doen."
    running.close_run(run=run, closing_note="Goed gesprek, Bram wil meer doen.", actor=user)
    run = running.close_run(run=run, closing_note="Nieuw", actor=user)

    assert run.closed_at == closed_at
    assert run.closing_note == "Nieuw"
    assert actions(run)[-2:] == ["table_run.closed", "table_run.closing_note_changed"]
    # The note may name people: the log only says whether there is one.
    entry = AuditEntry.objects.get(action="table_run.closed")
    assert entry.payload == {"has_note": True}


def test_a_closed_run_can_be_opened_again(run, facilitator):
    user = facilitator.person.user
    running.close_run(run=run, closing_note="Te vroeg", actor=user)

    run = running.reopen_run(run=run, actor=user)

    assert run.closed_at is None
    assert run.closing_note == "Te vroeg"
    assert actions(run)[-1] == "table_run.reopened"
