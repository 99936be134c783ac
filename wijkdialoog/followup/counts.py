"""What organisers see of the follow-up: counts per meeting or series, never an answer, except
the people who asked for help. A fixed number of queries however many people there are."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, QuerySet

from wijkdialoog.dialogues.models import Meeting, Series

from .asking import due_at, personal_actions_of_all
from .models import FollowUp, StepAnswer

Status = StepAnswer.Status


@dataclass(frozen=True)
class Counts:
    """Per personal action: how it went, no answer yet, or its owner was not asked (no email
    address, or no more email wanted); `waiting` are those whose mail has not gone yet."""

    actions: int = 0
    done: int = 0
    busy: int = 0
    not_done: int = 0
    wants_help: int = 0
    no_answer: int = 0
    not_asked: int = 0
    waiting: int = 0
    next_mail_at: datetime.datetime | None = None

    @property
    def answered(self) -> int:
        return self.done + self.busy + self.not_done + self.wants_help


def _count(meetings: QuerySet[Meeting]) -> Counts:
    actions = personal_actions_of_all().filter(meeting__in=meetings)
    per_owner: dict[tuple[int, int], int] = {}
    for group in actions.values("meeting_id", "owner_id").annotate(n=Count("pk")):
        per_owner[(group["meeting_id"], group["owner_id"])] = group["n"]
    follow_ups = {
        (row["meeting_id"], row["person_id"]): row
        for row in FollowUp.objects.filter(meeting__in=meetings).values(
            "meeting_id", "person_id", "mailed_at", "not_asked"
        )
    }
    answered = dict(
        StepAnswer.objects.filter(card__in=actions)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    asked = not_asked = 0
    for key, number in per_owner.items():
        row = follow_ups.get(key)
        if row is not None and row["not_asked"]:
            not_asked += number
        elif row is not None and row["mailed_at"]:
            asked += number
    total = sum(per_owner.values())
    return Counts(
        actions=total,
        done=answered.get(Status.DONE, 0),
        busy=answered.get(Status.BUSY, 0),
        not_done=answered.get(Status.NOT_DONE, 0),
        wants_help=answered.get(Status.WANTS_HELP, 0),
        no_answer=max(asked - sum(answered.values()), 0),
        not_asked=not_asked,
        waiting=total - asked - not_asked,
    )


def for_meeting(meeting: Meeting) -> Counts:
    counts = _count(Meeting.objects.filter(pk=meeting.pk))
    if counts.waiting and meeting.cancelled_at is None:
        return Counts(**{**counts.__dict__, "next_mail_at": due_at(meeting)})
    return counts


def for_series(series: Series) -> Counts:
    return _count(Meeting.objects.filter(series=series, cancelled_at__isnull=True))


def help_requests(meetings: QuerySet[Meeting]) -> QuerySet[StepAnswer]:
    """Who asked for help, open requests first: the only answers organisers see in full."""
    return (
        StepAnswer.objects.filter(status=Status.WANTS_HELP, follow_up__meeting__in=meetings)
        .select_related("card", "follow_up__person", "follow_up__meeting", "help_handled_by")
        .prefetch_related("help_handled_by__persons")
        .order_by(F("help_handled_at").asc(nulls_first=True), "-updated_at", "pk")
    )


def for_meetings(meetings: QuerySet[Meeting]) -> Counts:
    """The counts over several meetings, such as all meetings before the next one."""
    return _count(meetings)
