"""How many places a meeting has left, and what that means for someone who wants to come.

Places are the seats at the meeting's tables minus the confirmed registrations. Lists use
`with_availability` so every meeting's numbers come from one query; single pages may call
`places_left` on a plain meeting and it counts for itself.

Registrations sit above dialogues, so they tell this module how to count them: the
registrations app calls `provide_counts` in its `AppConfig.ready()`.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.db.models import IntegerField, OuterRef, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import Meeting, Table


class Counted(StrEnum):
    """The two numbers of people a meeting's places depend on."""

    CONFIRMED = "confirmed"
    WAITING = "waiting"


@dataclass(frozen=True)
class Counts:
    """How to count registrations: as a subquery per meeting, or for one meeting."""

    subquery: Callable[[Counted], Any]
    count: Callable[[Meeting, Counted], int]


# Until an app provides its counting (registrations does), nobody has registered.
NO_COUNTS = Counts(subquery=lambda counted: Value(0), count=lambda meeting, counted: 0)
_counts = NO_COUNTS


def provide_counts(counts: Counts) -> None:
    global _counts
    _counts = counts


class State(StrEnum):
    """What a visitor can do now."""

    NOT_YET = "not-yet"  # no tables planned yet, so no places to register for
    OPEN = "open"  # register, there is a place
    FULL = "full"  # join the waiting list
    CLOSED = "closed"  # registration has closed, the meeting is still to come
    CANCELLED = "cancelled"
    PAST = "past"


def with_availability(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """Adds seats_total, confirmed_count and waiting_count; subqueries keep one row per meeting."""
    seats = (
        Table.objects.filter(meeting=OuterRef("pk"))
        .order_by()
        .values("meeting")
        .annotate(total=Sum("seats"))
        .values("total")
    )
    return meetings.annotate(
        seats_total=Coalesce(Subquery(seats, output_field=IntegerField()), Value(0)),
        confirmed_count=_counts.subquery(Counted.CONFIRMED),
        waiting_count=_counts.subquery(Counted.WAITING),
    )


def seats_total(meeting: Meeting) -> int:
    value = getattr(meeting, "seats_total", None)
    return meeting.capacity() if value is None else value


def confirmed_count(meeting: Meeting) -> int:
    value = getattr(meeting, "confirmed_count", None)
    if value is None:
        value = _counts.count(meeting, Counted.CONFIRMED)
    return value


def waiting_count(meeting: Meeting) -> int:
    value = getattr(meeting, "waiting_count", None)
    if value is None:
        value = _counts.count(meeting, Counted.WAITING)
    return value


def places_left(meeting: Meeting) -> int:
    """Seats minus confirmed registrations, never below zero."""
    return max(seats_total(meeting) - confirmed_count(meeting), 0)


def state(meeting: Meeting, now: datetime.datetime | None = None) -> State:
    now = now or timezone.now()
    if meeting.cancelled_at is not None:
        return State.CANCELLED
    if meeting.ends_at <= now:
        return State.PAST
    # Publication decides who may see the meeting, not this state: organisers preview it as is.
    if now >= meeting.registration_deadline:
        return State.CLOSED
    if seats_total(meeting) == 0:
        return State.NOT_YET
    if places_left(meeting) <= 0:
        return State.FULL
    return State.OPEN
