"""The next round looks back (issue 11, item 7): "Sinds de vorige keer" on a meeting after the
first in its series, and the whole timeline of a series.

Only counts of personal steps ever leave this module, never whose step it was or what it said.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from wijkdialoog.dialogues.models import Meeting, Series

from . import counts, progress
from .models import Agreement, AgreementUpdate, Initiative, KerngroepMember, KerngroepTask


@dataclass(frozen=True)
class LookBack:
    previous: Meeting
    lines: list[progress.Progress]
    steps: counts.Counts
    kerngroep_members: int = 0
    kerngroep_tasks_done: int = 0

    @property
    def changed(self) -> list[progress.Progress]:
        """What changed since the previous meeting started."""
        return [line for line in self.lines if line.changed_at >= self.previous.starts_at]


def earlier_meetings(meeting: Meeting) -> QuerySet[Meeting]:
    return Meeting.objects.filter(
        series_id=meeting.series_id, starts_at__lt=meeting.starts_at, cancelled_at__isnull=True
    )


def for_meeting(meeting: Meeting, *, public_only: bool) -> LookBack | None:
    """None for the first meeting of a series: there is nothing to look back on yet."""
    previous = earlier_meetings(meeting).order_by("-starts_at", "-pk").first()
    if previous is None:
        return None
    return LookBack(
        previous=previous,
        lines=progress.for_series(meeting.series, public_only=public_only),
        steps=counts.for_meetings(earlier_meetings(meeting)),
        kerngroep_members=KerngroepMember.objects.filter(
            series_id=meeting.series_id, left_at__isnull=True
        ).count(),
        kerngroep_tasks_done=KerngroepTask.objects.filter(
            series_id=meeting.series_id, done_at__gte=previous.starts_at
        ).count(),
    )


@dataclass(frozen=True)
class Moment:
    """One moment on a series' timeline."""

    at: datetime.datetime
    label: str | Promise
    title: str
    detail: str | Promise = ""
    css: str = field(default="")


def series_meetings(
    series: Series, page_meetings: Iterable[Meeting] | None = None
) -> list[Meeting]:
    """All meetings of the series, each with the series at hand. The series page lists them
    all already: given that list (a queryset it has evaluated), no second query is made."""
    if page_meetings is None:
        page_meetings = Meeting.objects.filter(series=series)
    meetings = [meeting for meeting in page_meetings if meeting.series_id == series.pk]
    for meeting in meetings:
        meeting.series = series
    return meetings


def _meeting_moments(meetings: Iterable[Meeting]) -> list[Moment]:
    return [
        Moment(
            at=meeting.starts_at,
            label=_("Cancelled meeting") if meeting.cancelled_at else _("Meeting"),
            title=meeting.display_title,
        )
        for meeting in meetings
    ]


def _agreement_moments(series: Series) -> list[Moment]:
    moments = [
        Moment(at=agreement.created_at, label=_("Agreement made"), title=agreement.title)
        for agreement in Agreement.objects.filter(series=series)
    ]
    changes = AgreementUpdate.objects.filter(agreement__series=series).exclude(status="")
    moments += [
        Moment(
            at=update.created_at,
            label=_("Agreement status"),
            title=update.agreement.title,
            detail=update.get_status_display(),
        )
        for update in changes.select_related("agreement")
    ]
    return moments


def _initiative_moments(series: Series) -> list[Moment]:
    moments = []
    for initiative in Initiative.objects.filter(series=series):
        moments.append(
            Moment(at=initiative.created_at, label=_("Initiative started"), title=initiative.name)
        )
        if initiative.celebrated_at:
            moments.append(
                Moment(
                    at=initiative.celebrated_at,
                    label=_("Initiative celebrated"),
                    title=initiative.name,
                )
            )
    return moments


def _agenda_moments(series: Series) -> list[Moment]:
    from wijkdialoog.agenda.models import Agenda

    return [
        Moment(at=agenda.published_at, label=_("Wijkagenda published"), title=str(agenda))
        for agenda in Agenda.objects.filter(series=series, published_at__isnull=False)
        if agenda.published_at is not None
    ]


def timeline(series: Series, meetings: Iterable[Meeting] | None = None) -> list[Moment]:
    """Meetings (the rounds), the wijkagenda's publication, agreements and their status changes,
    initiatives and their celebrations, in time order. A fixed number of queries; `meetings`
    are the series' meetings where the page has them (see `series_meetings`)."""
    moments = (
        _meeting_moments(series_meetings(series, meetings))
        + _agenda_moments(series)
        + _agreement_moments(series)
        + _initiative_moments(series)
    )
    return sorted(moments, key=lambda moment: moment.at)
