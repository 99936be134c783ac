"""The registrations of a meeting as a spreadsheet, for the organiser (who is the only one allowed
to see the personal data in it). Each export is written to the audit log."""

from django.db import transaction
from django.utils.translation import gettext as _

from wijkdialoog.core import audit
from wijkdialoog.core.exports import Sheet
from wijkdialoog.dialogues.models import Meeting

from .models import Registration


def _headers() -> list[str]:
    return [
        _("First name"),
        _("Last name"),
        _("Email address"),
        _("Phone number"),
        _("Language"),
        _("Status"),
        _("How they registered"),
        _("Channel"),
        _("Registered together with"),
        _("Table"),
        _("Age group"),
        _("Relation to the neighbourhood"),
        _("Languages spoken"),
        _("What they need to take part"),
        _("First time"),
        _("Registered at"),
        _("On the waiting list since"),
        _("Checked in at"),
        _("Cancelled at"),
    ]


def _yes_no(value: bool | None) -> str:
    if value is None:
        return ""
    return _("yes") if value else _("no")


def _row(registration: Registration) -> list:
    person = registration.person
    lead = registration.party_lead
    return [
        person.first_name,
        person.last_name,
        person.email,
        person.phone,
        person.get_language_display(),
        registration.get_status_display(),
        registration.get_source_display(),
        str(registration.channel) if registration.channel else "",
        lead.person.full_name if lead else "",
        registration.table.number if registration.table else None,
        registration.get_age_group_display(),
        registration.get_relation_display(),
        registration.languages,
        registration.access_needs,
        _yes_no(registration.first_time),
        registration.created_at,
        registration.waiting_since,
        registration.checked_in_at,
        registration.cancelled_at,
    ]


def registration_sheet(meeting: Meeting) -> Sheet:
    registrations = meeting.registrations.select_related(
        "person", "channel", "table", "party_lead__person"
    ).order_by("created_at", "pk")
    return Sheet(
        title=_("Registrations"),
        headers=_headers(),
        rows=[_row(registration) for registration in registrations],
    )


@transaction.atomic
def export_registrations(*, meeting: Meeting, actor, file_format: str) -> Sheet:
    """The sheet to download; the audit entry says who exported how many rows, never whom."""
    sheet = registration_sheet(meeting)
    audit.record(
        actor=actor,
        action="registrations.exported",
        subject=meeting,
        payload={"format": file_format, "rows": len(sheet)},
    )
    return sheet
