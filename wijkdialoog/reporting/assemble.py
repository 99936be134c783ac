"""What a report says, assembled from every app for one audience.

- PUBLIC: the neighbourhood and anyone. Only `Card.objects.public()` cards of published
  meetings, a first name only where its owner agreed (`Card.name_in_public`), highlights marked
  for public use, public initiatives and agreements. Never an internal card, never a private
  personal action.
- INTERNAL: the organisation. Internal cards too; still never a private personal action.
- PARTNER: as public, plus internal cards where the organisation shares them with partners
  (`synthesis.HarvestSharing.partners_see_internal`).

The harvest lives in `assemble_harvest.py`, the follow-up (wijkagenda, initiatives,
agreements, decisions) in `assemble_followup.py`. Each part runs a fixed number of queries,
however many meetings and cards a series has.
"""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from wijkdialoog.dialogues.bilingual import PublicText, public_text
from wijkdialoog.dialogues.models import Meeting, Series, Venue
from wijkdialoog.methods.models import Method, Phase
from wijkdialoog.registrations.models import Registration

from . import assemble_followup, assemble_harvest, evaluation
from . import participation as who_came
from .assemble_audience import Audience

__all__ = [
    "Audience",
    "Participation",
    "ReportData",
    "assemble",
    "covered_meetings",
    "next_meeting",
]
from .models import Report


@dataclass(frozen=True)
class Participation:
    """Counts only: never who."""

    meeting: Meeting | None
    tables: int
    participants: int
    facilitators: int
    first_timers: int
    walk_ins: int
    cards: int


@dataclass(frozen=True)
class MethodUsed:
    method: Method
    phases: list[Phase]
    meetings: list[Meeting]


@dataclass
class ReportData:
    """Everything a report page, PDF or poster shows. `who_came` (population against
    participants) and `what_it_did` (the evaluation summary) are filled in by other parts of
    the app when they have something to say; a template shows them only when present."""

    report: Report
    audience: Audience
    series: Series
    meeting: Meeting | None
    meetings: list[Meeting]
    venues: list[Venue]
    partners: list[str]
    context: PublicText
    participants_said: PublicText
    recommendations: PublicText
    participation: list[Participation]
    total: Participation
    methods: list[MethodUsed]
    harvest: assemble_harvest.Harvest
    followup: assemble_followup.FollowUp
    next_meeting: Meeting | None
    who_came: Any = None
    what_it_did: Any = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def is_public(self) -> bool:
        return self.audience == Audience.PUBLIC

    @property
    def is_partner_version(self) -> bool:
        return self.audience == Audience.PARTNER

    @property
    def neighbourhood(self) -> Any:
        return self.series.neighbourhood

    @property
    def theme(self) -> PublicText:
        return public_text(self.series, "theme")

    @property
    def first_date(self) -> Any:
        return self.meetings[0].starts_at if self.meetings else None

    @property
    def last_date(self) -> Any:
        return self.meetings[-1].starts_at if self.meetings else None


def covered_meetings(report: Report, audience: Audience) -> list[Meeting]:
    """The meetings a report is about: its meeting, or the series' meetings that took place
    (published ones only for the public and partners), not cancelled."""
    meetings = Meeting.objects.select_related(
        "venue", "method", "series__default_method", "series__neighbourhood", "series__organisation"
    ).prefetch_related(
        Prefetch("method__phases", queryset=Phase.objects.order_by("position")),
        Prefetch("series__default_method__phases", queryset=Phase.objects.order_by("position")),
    )
    if report.meeting_id:
        return list(meetings.filter(pk=report.meeting_id))
    now = timezone.now()
    scope = meetings.filter(series=report.series, cancelled_at__isnull=True, starts_at__lt=now)
    if audience != Audience.INTERNAL:
        scope = scope.filter(publish_at__lte=now)
    return list(scope.order_by("starts_at", "pk"))


def _participation(meetings: list[Meeting], cards: dict[int, int]) -> list[Participation]:
    """Per meeting: tables, people who came (checked in where check-in was used, else
    confirmed), facilitators, first-timers and walk-ins. Two queries for any number of
    meetings."""
    ids = [meeting.pk for meeting in meetings]
    confirmed = Q(status=Registration.Status.CONFIRMED)
    came = confirmed & Q(checked_in_at__isnull=False)
    rows: dict[int, dict[str, Any]] = {
        row["meeting"]: dict(row)
        for row in Registration.objects.filter(meeting_id__in=ids)
        .values("meeting")
        .annotate(
            confirmed=Count("pk", filter=confirmed),
            came=Count("pk", filter=came),
            first_confirmed=Count("pk", filter=confirmed & Q(first_time=True)),
            first_came=Count("pk", filter=came & Q(first_time=True)),
            walk_ins=Count("pk", filter=confirmed & Q(source=Registration.Source.WALK_IN)),
        )
        .order_by()
    }
    seats: dict[int, dict[str, Any]] = {
        row["pk"]: dict(row)
        for row in Meeting.objects.filter(pk__in=ids)
        .values("pk")
        .annotate(
            n_tables=Count("tables", distinct=True),
            n_facilitators=Count("tables__facilitator", distinct=True),
        )
        .order_by()
    }
    result = []
    for meeting in meetings:
        row = rows.get(meeting.pk, {})
        at_tables = seats.get(meeting.pk, {})
        checked_in = bool(row.get("came"))
        result.append(
            Participation(
                meeting=meeting,
                tables=at_tables.get("n_tables", 0),
                participants=row.get("came" if checked_in else "confirmed", 0),
                facilitators=at_tables.get("n_facilitators", 0),
                first_timers=row.get("first_came" if checked_in else "first_confirmed", 0),
                walk_ins=row.get("walk_ins", 0),
                cards=cards.get(meeting.pk, 0),
            )
        )
    return result


def _total(rows: list[Participation]) -> Participation:
    return Participation(
        meeting=None,
        tables=sum(row.tables for row in rows),
        participants=sum(row.participants for row in rows),
        facilitators=sum(row.facilitators for row in rows),
        first_timers=sum(row.first_timers for row in rows),
        walk_ins=sum(row.walk_ins for row in rows),
        cards=sum(row.cards for row in rows),
    )


def _methods(meetings: list[Meeting]) -> list[MethodUsed]:
    used: dict[int, MethodUsed] = {}
    for meeting in meetings:
        method = meeting.effective_method
        if method is None:
            continue
        if method.pk not in used:
            used[method.pk] = MethodUsed(
                method=method, phases=list(method.phases.all()), meetings=[]
            )
        used[method.pk].meetings.append(meeting)
    return list(used.values())


def _venues(meetings: list[Meeting]) -> list[Venue]:
    venues: dict[int, Venue] = {}
    for meeting in meetings:
        if meeting.venue is not None:
            venues.setdefault(meeting.venue.pk, meeting.venue)
    return list(venues.values())


def next_meeting(series: Series, after: Any) -> Meeting | None:
    """The next published meeting of the series that has not started, for everyone to see."""
    now = timezone.now()
    upcoming: QuerySet[Meeting] = Meeting.objects.filter(
        series=series,
        cancelled_at__isnull=True,
        publish_at__lte=now,
        starts_at__gt=max(now, after) if after else now,
    ).select_related("venue")
    return upcoming.order_by("starts_at", "pk").first()


def assemble(report: Report, audience: Audience) -> ReportData:
    """The whole report for one audience."""
    subject = report.subject
    series = subject if isinstance(subject, Series) else subject.series
    meetings = covered_meetings(report, audience)
    harvest = assemble_harvest.harvest(series, meetings, audience=audience)
    followup = assemble_followup.followup(series, meetings, report=report, audience=audience)
    participation = _participation(meetings, harvest.count_per_meeting)
    return ReportData(
        report=report,
        audience=audience,
        series=series,
        meeting=report.meeting,
        meetings=meetings,
        venues=_venues(meetings),
        partners=followup.partner_names,
        context=public_text(report, "context"),
        participants_said=public_text(report, "participants_said"),
        recommendations=public_text(report, "recommendations"),
        participation=participation,
        total=_total(participation),
        methods=_methods(meetings),
        harvest=harvest,
        followup=followup,
        next_meeting=next_meeting(series, meetings[-1].starts_at if meetings else None),
        # Aggregates only, with the small-cell rule, so every audience may see them.
        who_came=who_came.compare(meetings, series.neighbourhood),
        # The same: aggregates, nothing of fewer than five people.
        what_it_did=evaluation.for_meeting(report.meeting)
        if report.meeting is not None
        else evaluation.for_series(series),
    )
