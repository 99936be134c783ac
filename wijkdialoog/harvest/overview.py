"""What the organiser sees of the harvest after a meeting: on the dashboard, the recent meetings
with their cards, evaluations and closing notes; on a meeting's page, the evaluations summarised
and every table's closing note. Each function runs a fixed number of queries."""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.functional import Promise

from wijkdialoog.dialogues import availability
from wijkdialoog.dialogues.models import Meeting
from wijkdialoog.registrations.check_in import door_counts

from .models import Card, Evaluation, TableRun

DASHBOARD_PAST_MEETINGS = 5
DASHBOARD_CLOSING_NOTES = 5


def _count(queryset, meeting_field: str) -> Coalesce:
    """How many rows of `queryset` belong to the outer meeting, as a subquery."""
    rows = (
        queryset.filter(**{meeting_field: OuterRef("pk")})
        .order_by()
        .values(meeting_field)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def past_meetings(organisation, limit: int = DASHBOARD_PAST_MEETINGS) -> list[Meeting]:
    """The latest meetings that took place, with card_count, pending_count (cards waiting for
    approval), evaluation_count and note_count (tables that left a closing note)."""
    meetings = (
        Meeting.objects.for_organisation(organisation)
        .filter(
            ends_at__lte=timezone.now(),
            cancelled_at__isnull=True,
        )
        .select_related("series__neighbourhood")
        .annotate(
            card_count=_count(Card.objects.all(), "meeting"),
            pending_count=_count(Card.objects.filter(status=Card.Status.PENDING), "meeting"),
            evaluation_count=_count(Evaluation.objects.all(), "table__meeting"),
            note_count=_count(TableRun.objects.exclude(closing_note=""), "table__meeting"),
        )
        .order_by("-starts_at", "-pk")
    )
    return list(meetings[:limit])


def recent_closing_notes(organisation, limit: int = DASHBOARD_CLOSING_NOTES) -> list[TableRun]:
    return list(
        TableRun.objects.for_organisation(organisation)
        .exclude(closing_note="")
        .select_related("table__meeting__series", "table__facilitator")
        .order_by("-updated_at", "-pk")[:limit]
    )


@dataclass(frozen=True)
class EvaluationSummary:
    total: int
    ratings: list[tuple[str | Promise, int]]
    met_someone_new: list[tuple[str | Promise, int]]
    takeaways: list[str]


def evaluation_summary(meeting: Meeting) -> EvaluationSummary:
    """Counts per answer and the "what do you take with you" answers, from one query."""
    rows = list(
        Evaluation.objects.filter(table__meeting=meeting)
        .order_by("created_at", "pk")
        .values_list("rating", "met_someone_new", "takeaway")
    )
    ratings = Counter(rating for rating, _new, _text in rows)
    met = Counter(new for _rating, new, _text in rows if new)
    return EvaluationSummary(
        total=len(rows),
        ratings=[(label, ratings[value]) for value, label in reversed(Evaluation.Rating.choices)],
        met_someone_new=[(label, met[value]) for value, label in Evaluation.Answer.choices],
        takeaways=[text.strip() for _rating, _new, text in rows if text.strip()],
    )


def tables_with_notes(meeting: Meeting):
    """Every table of the meeting with its conversation (if it ran), the facilitator and
    pending_count: participants' cards that wait for approval."""
    pending = Count("cards", filter=Q(cards__status=Card.Status.PENDING))
    return (
        meeting.tables.select_related("run", "facilitator")
        .annotate(pending_count=pending)
        .order_by("number")
    )


def has_started(meeting: Meeting) -> bool:
    return meeting.starts_at <= timezone.now()


def meeting_outcome(meeting: Meeting) -> dict:
    """What a meeting's page shows of its outcome: once it began, the attendance (with the
    people who did not come), the evaluations and the tables' closing notes."""
    values = {"meeting": meeting, "started": False}
    if has_started(meeting):
        counts = door_counts(meeting, availability.seats_total(meeting))
        values.update(
            started=True,
            ended=meeting.ends_at <= timezone.now(),
            attendance=counts,
            no_shows=max(counts.expected - counts.checked_in, 0),
            evaluations=evaluation_summary(meeting),
            tables=tables_with_notes(meeting),
        )
    return values
