"""The oogstverslag's own rows: finding a meeting's or series' report, the organiser's texts,
publishing and taking it offline. Each change is written to the audit log."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkdialoog.core import audit
from wijkdialoog.dialogues.models import Meeting, Series

from .models import REPORT_TEXT_FIELDS, Report

REPORT_RELATED = (
    "organisation",
    "meeting__series__neighbourhood",
    "meeting__series__organisation",
    "meeting__venue",
    "series__neighbourhood",
    "series__organisation",
)


def report_for(subject: Meeting | Series) -> Report:
    """The stored report of a meeting or series, or a new unsaved one (a GET never writes)."""
    lookup = {"meeting": subject} if isinstance(subject, Meeting) else {"series": subject}
    report = Report.objects.filter(**lookup).first()
    if report is None:
        report = Report(organisation_id=subject.organisation_id)
    # The caller's subject, with what it loaded, rather than a second query for it.
    if isinstance(subject, Meeting):
        report.meeting = subject
    else:
        report.series = subject
    return report


def _stored(subject: Meeting | Series) -> Report:
    """The report row, made on the first change and locked for it."""
    lookup = {"meeting": subject} if isinstance(subject, Meeting) else {"series": subject}
    report, _created = Report.objects.select_for_update().get_or_create(
        **lookup, defaults={"organisation_id": subject.organisation_id}
    )
    return report


@transaction.atomic
def save_texts(*, subject: Meeting | Series, actor: Any, **changes: str) -> Report:
    """The organiser's texts (Dutch and English); the payload names the fields that changed."""
    unknown = set(changes) - set(REPORT_TEXT_FIELDS)
    if unknown:
        raise ValueError(f"Not a text of a report: {sorted(unknown)}")
    report = _stored(subject)
    before = audit.snapshot(report, REPORT_TEXT_FIELDS)
    for name, value in changes.items():
        setattr(report, name, value.strip())
    changed = audit.changed_fields(report, before, REPORT_TEXT_FIELDS)
    if changed:
        report.updated_by = actor
        report.save(update_fields=[*changed, "updated_by", "updated_at"])
        audit.record(
            actor=actor,
            action="report.texts_saved",
            subject=report,
            payload={"fields": sorted(changed)},
        )
    return report


def _check_publishable(subject: Meeting | Series) -> None:
    meetings = [subject] if isinstance(subject, Meeting) else list(subject.meetings.all())
    if not any(m.is_published and m.cancelled_at is None for m in meetings):
        raise ValidationError(
            _("Only the report of a published meeting can go online."), code="unpublished"
        )
    if isinstance(subject, Meeting) and subject.starts_at > timezone.now():
        raise ValidationError(
            _("This meeting has not taken place yet. Publish the report afterwards."),
            code="future",
        )


@transaction.atomic
def publish(*, subject: Meeting | Series, actor: Any) -> Report:
    _check_publishable(subject)
    report = _stored(subject)
    report.published_at = timezone.now()
    report.published_by = actor
    report.save(update_fields=["published_at", "published_by", "updated_at"])
    audit.record(actor=actor, action="report.published", subject=report)
    return report


@transaction.atomic
def unpublish(*, subject: Meeting | Series, actor: Any) -> Report:
    report = _stored(subject)
    if report.published_at is None:
        raise ValidationError(_("This report is not online."), code="not_online")
    report.published_at = None
    report.published_by = None
    report.save(update_fields=["published_at", "published_by", "updated_at"])
    audit.record(actor=actor, action="report.unpublished", subject=report)
    return report


def published_reports(
    *, meetings: QuerySet[Meeting] | None = None, series: QuerySet[Series] | None = None
) -> QuerySet[Report]:
    """Published reports of these meetings and/or series, with their subjects loaded."""
    reports = Report.objects.filter(published_at__isnull=False).select_related(*REPORT_RELATED)
    if meetings is not None:
        reports = reports.filter(meeting__in=meetings)
    if series is not None:
        reports = reports.filter(series__in=series)
    return reports


def published_report_of(subject: Meeting | Series) -> Report | None:
    lookup = {"meeting": subject} if isinstance(subject, Meeting) else {"series": subject}
    report: Report | None = published_reports().filter(**lookup).first()
    return report
