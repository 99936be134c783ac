"""Running the conversation at one table: start, move between phases, turns, close.

Each state change is a transaction that writes the audit log. The facilitator's taps arrive
twice now and then (a slow network, an impatient thumb), so every function here is safe to call
again with the same arguments.
"""

import datetime
import math
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkdialoog.core import audit
from wijkdialoog.core.signals import send_on_commit
from wijkdialoog.dialogues.models import Table
from wijkdialoog.methods.models import Method, Phase
from wijkdialoog.methods.selection import (
    default_builtin_method,
    method_for_table,
    method_language_for,
)
from wijkdialoog.registrations.models import Registration

from . import signals
from .models import TableRun, Turn

NEXT, PREVIOUS = "next", "previous"
EXTEND_MINUTES = 5
# Enough for any real table; a stuck thumb cannot push the timer into the next day.
MAX_EXTRA_MINUTES = 120


def method_for_run(table: Table) -> Method:
    """The method the table follows: the meeting's (in the table's language), else the shipped
    waarderende dialoog. A table cannot start without one."""
    method = method_for_table(table) or default_builtin_method(method_language_for(table.language))
    if method is None:
        raise ValidationError(
            _("This meeting has no method yet. Ask the organiser to choose one."), code="no_method"
        )
    if not method.phases.exists():
        raise ValidationError(_("The method of this meeting has no phases."), code="no_phases")
    return method


def people_at_table(table: Table):
    """The confirmed registrations seated at this table, by first name."""
    return (
        Registration.objects.filter(table=table, status=Registration.Status.CONFIRMED)
        .select_related("person")
        .order_by("person__first_name", "pk")
    )


def phases_of(run: TableRun) -> list[Phase]:
    return list(run.method.phases.order_by("position"))


def current_phase(run: TableRun, phases: list[Phase]) -> Phase | None:
    """The phase the table is in. If the method was edited and that position is gone, the next
    phase after it (or the last one)."""
    for phase in phases:
        if phase.position >= run.phase_position:
            return phase
    return phases[-1] if phases else None


@dataclass(frozen=True)
class PhaseClock:
    """The quiet timer: when the phase should end and how many minutes are left (negative when
    the table takes longer, which is fine). A paused clock stands still at the pause."""

    ends_at: datetime.datetime
    minutes_left: int
    now: datetime.datetime
    paused: bool = False
    extra_minutes: int = 0

    @property
    def is_over(self) -> bool:
        return self.minutes_left <= 0

    @property
    def minutes_over(self) -> int:
        return max(0, -self.minutes_left)

    @property
    def can_extend(self) -> bool:
        return self.extra_minutes + EXTEND_MINUTES <= MAX_EXTRA_MINUTES


def phase_clock(run: TableRun, phase: Phase | None, now=None) -> PhaseClock | None:
    if phase is None or run.phase_started_at is None or run.closed_at is not None:
        return None
    now = now or timezone.now()
    minutes = phase.minutes + run.extra_minutes
    ends_at = run.phase_started_at + datetime.timedelta(minutes=minutes)
    # While paused, the time left is what it was at the pause.
    seconds = (ends_at - (run.timer_paused_at or now)).total_seconds()
    # "About 12 minutes left" rounds up while time remains, down once it is over.
    left = math.ceil(seconds / 60) if seconds > 0 else -math.floor(-seconds / 60)
    return PhaseClock(
        ends_at=ends_at,
        minutes_left=left,
        now=now,
        paused=run.timer_paused_at is not None,
        extra_minutes=run.extra_minutes,
    )


def _lock(run: TableRun) -> TableRun:
    return TableRun.objects.select_for_update().select_related("method").get(pk=run.pk)


@transaction.atomic
def prepare_run(*, table: Table, actor) -> TableRun:
    """The table's conversation, created (not started) when it does not exist yet: its
    participant link is printed on the QR sheet before the meeting."""
    run = TableRun.objects.filter(table=table).first()
    if run is not None:
        return run
    method = method_for_run(table)
    first = method.phases.order_by("position").first()
    assert first is not None, "a method has at least one phase"
    try:
        with transaction.atomic():
            run = TableRun.objects.create(table=table, method=method, phase_position=first.position)
    except IntegrityError:
        # Someone else prepared it a moment ago.
        return TableRun.objects.get(table=table)
    audit.record(
        actor=actor, action="table_run.prepared", subject=run, payload={"method": method.pk}
    )
    return run


@transaction.atomic
def start_run(*, table: Table, actor) -> TableRun:
    """Open the conversation at the first phase. Starting a started run changes nothing."""
    run = _lock(prepare_run(table=table, actor=actor))
    if run.started_at is not None:
        return run
    # The organiser may have chosen another method since the QR sheet was printed.
    method = method_for_run(table)
    first = method.phases.order_by("position").first()
    assert first is not None, "a method has at least one phase"
    now = timezone.now()
    run.method = method
    run.phase_position = first.position
    run.started_at = now
    run.phase_started_at = now
    run.save(
        update_fields=["method", "phase_position", "started_at", "phase_started_at", "updated_at"]
    )
    audit.record(
        actor=actor,
        action="table_run.started",
        subject=run,
        payload={"method": method.pk, "phase": first.position},
    )
    return run


@transaction.atomic
def go_to_phase(
    *, run: TableRun, direction: str, actor, from_position: int | None = None
) -> TableRun:
    """Move to the next or previous phase. With `from_position` (the phase the facilitator saw
    when tapping), a second tap that arrives late does not skip a phase."""
    if direction not in (NEXT, PREVIOUS):
        raise ValueError(f"direction must be {NEXT!r} or {PREVIOUS!r}")
    run = _lock(run)
    if run.started_at is None:
        raise ValidationError(_("Start the conversation first."), code="not_started")
    if run.closed_at is not None:
        raise ValidationError(_("This conversation has been closed."), code="closed")
    phases = phases_of(run)
    phase = current_phase(run, phases)
    if from_position is not None and phase is not None and phase.position != from_position:
        return run
    assert phase is not None, "a method has at least one phase"
    index = phases.index(phase) + (1 if direction == NEXT else -1)
    if index < 0 or index >= len(phases):
        return run
    target = phases[index]
    run.phase_position = target.position
    # Each phase starts with its own minutes, running.
    run.phase_started_at = timezone.now()
    run.timer_paused_at = None
    run.extra_minutes = 0
    run.save(
        update_fields=[
            "phase_position",
            "phase_started_at",
            "timer_paused_at",
            "extra_minutes",
            "updated_at",
        ]
    )
    audit.record(
        actor=actor,
        action="table_run.phase_changed",
        subject=run,
        payload={"from": phase.position, "to": target.position},
    )
    return run


def _running_run(run: TableRun) -> TableRun:
    run = _lock(run)
    if run.started_at is None:
        raise ValidationError(_("Start the conversation first."), code="not_started")
    if run.closed_at is not None:
        raise ValidationError(_("This conversation has been closed."), code="closed")
    return run


@transaction.atomic
def pause_timer(*, run: TableRun, actor) -> TableRun:
    """Stop the phase timer, for a break or a conversation that needs its time. Pausing a
    paused timer changes nothing."""
    run = _running_run(run)
    if run.timer_paused_at is not None:
        return run
    run.timer_paused_at = timezone.now()
    run.save(update_fields=["timer_paused_at", "updated_at"])
    audit.record(
        actor=actor,
        action="table_run.timer_paused",
        subject=run,
        payload={"phase": run.phase_position},
    )
    return run


@transaction.atomic
def resume_timer(*, run: TableRun, actor) -> TableRun:
    """Let the timer run on from where it was paused: the pause does not count."""
    run = _running_run(run)
    if run.timer_paused_at is None:
        return run
    assert run.phase_started_at is not None, "a started run has a phase start"
    now = timezone.now()
    run.phase_started_at += now - run.timer_paused_at
    run.timer_paused_at = None
    run.save(update_fields=["phase_started_at", "timer_paused_at", "updated_at"])
    audit.record(
        actor=actor,
        action="table_run.timer_resumed",
        subject=run,
        payload={"phase": run.phase_position},
    )
    return run


@transaction.atomic
def extend_timer(*, run: TableRun, actor, from_extra: int | None = None) -> TableRun:
    """Give the current phase five more minutes. With `from_extra` (the extra minutes the
    facilitator saw when tapping), a tap that arrives twice adds the minutes once."""
    run = _running_run(run)
    if from_extra is not None and from_extra != run.extra_minutes:
        return run
    if run.extra_minutes + EXTEND_MINUTES > MAX_EXTRA_MINUTES:
        raise ValidationError(
            _("This phase cannot get more time. Go on to the next phase."), code="too_long"
        )
    run.extra_minutes += EXTEND_MINUTES
    run.save(update_fields=["extra_minutes", "updated_at"])
    audit.record(
        actor=actor,
        action="table_run.timer_extended",
        subject=run,
        payload={"phase": run.phase_position, "extra_minutes": run.extra_minutes},
    )
    return run


def _check_seated(run: TableRun, registration: Registration) -> None:
    if (
        registration.table_id != run.table_id
        or registration.status != Registration.Status.CONFIRMED
    ):
        raise ValidationError(_("This person is not at this table."), code="not_seated")


@transaction.atomic
def mark_turn(*, run: TableRun, registration: Registration, actor) -> bool:
    """Note that someone has spoken in the current phase. False when already noted."""
    _check_seated(run, registration)
    try:
        with transaction.atomic():
            Turn.objects.create(
                run=run, phase_position=run.phase_position, registration=registration
            )
    except IntegrityError:
        return False
    audit.record(
        actor=actor,
        action="table_run.turn_marked",
        subject=run,
        payload={"phase": run.phase_position, "registration": registration.pk},
    )
    return True


@transaction.atomic
def unmark_turn(*, run: TableRun, registration: Registration, actor) -> bool:
    """Take back a turn marked by mistake. False when there was none."""
    deleted, _rows = Turn.objects.filter(
        run=run, phase_position=run.phase_position, registration=registration
    ).delete()
    if not deleted:
        return False
    audit.record(
        actor=actor,
        action="table_run.turn_unmarked",
        subject=run,
        payload={"phase": run.phase_position, "registration": registration.pk},
    )
    return True


def spoken_in_current_phase(run: TableRun) -> set[int]:
    """The registration ids of the people who have spoken in this phase."""
    return set(
        run.turns.filter(phase_position=run.phase_position).values_list(
            "registration_id", flat=True
        )
    )


@transaction.atomic
def close_run(*, run: TableRun, closing_note: str, actor) -> TableRun:
    """Close the conversation with the facilitator's note. Closing again updates the note."""
    run = _lock(run)
    note = closing_note.strip()
    first_close = run.closed_at is None
    if not first_close and note == run.closing_note:
        return run
    if first_close:
        run.closed_at = timezone.now()
    run.closing_note = note
    run.save(update_fields=["closed_at", "closing_note", "updated_at"])
    audit.record(
        actor=actor,
        action="table_run.closed" if first_close else "table_run.closing_note_changed",
        subject=run,
        # The note may name people: only whether there is one goes into the log.
        payload={"has_note": bool(note)},
    )
    if first_close:
        send_on_commit(signals.table_closed, sender=TableRun, run=run)
    return run


@transaction.atomic
def reopen_run(*, run: TableRun, actor) -> TableRun:
    """Undo a close made too early; the note is kept. The phase timer starts again."""
    run = _lock(run)
    if run.closed_at is None:
        return run
    run.closed_at = None
    run.phase_started_at = timezone.now()
    run.timer_paused_at = None
    run.save(update_fields=["closed_at", "phase_started_at", "timer_paused_at", "updated_at"])
    audit.record(actor=actor, action="table_run.reopened", subject=run)
    return run
