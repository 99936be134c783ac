"""Invitation emails from an imported address list: read and check the CSV file (all rows or
nothing), create the invitations, send them once each, and honour every request to stop."""

import csv
import io
from dataclasses import dataclass, field
from typing import Any, cast

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import QuerySet
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkdialoog.community.models import Organisation, Person, User
from wijkdialoog.core import audit
from wijkdialoog.core.mail import render_mail
from wijkdialoog.registrations.models import Channel

from . import channels
from .channels import Actor
from .models import EmailOptOut, Invitation

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
FIRST_NAME_MAX = cast(int, Invitation._meta.get_field("first_name").max_length)

# Column names as people write them in a spreadsheet, in English or Dutch.
EMAIL_COLUMNS = {"email", "e-mail", "emailadres", "e-mailadres", "email address"}
FIRST_NAME_COLUMNS = {"first_name", "first name", "firstname", "voornaam"}
LANGUAGE_COLUMNS = {"language", "taal"}
LANGUAGE_VALUES = {
    "": Person.Language.DUTCH,
    "nl": Person.Language.DUTCH,
    "nederlands": Person.Language.DUTCH,
    "dutch": Person.Language.DUTCH,
    "en": Person.Language.ENGLISH,
    "english": Person.Language.ENGLISH,
    "engels": Person.Language.ENGLISH,
}


class InvitationFileError(ValueError):
    """The file as a whole cannot be read: not text, no header, too large."""


@dataclass(frozen=True)
class RowError:
    row: int
    code: str  # email_missing, email_invalid, duplicate, language_invalid, first_name_too_long
    message: str


@dataclass(frozen=True)
class InvitationRow:
    row: int
    email: str
    first_name: str
    language: str


@dataclass
class InvitationList:
    """A checked address list. Only imported when `errors` is empty."""

    rows: list[InvitationRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    # Row numbers left out without being an error.
    opted_out: list[int] = field(default_factory=list)
    already_invited: list[int] = field(default_factory=list)


def _decode(data: bytes) -> str:
    if len(data) > MAX_FILE_BYTES:
        raise InvitationFileError(
            _("The file is larger than %(size)s MB. Split it into smaller files.")
            % {"size": MAX_FILE_BYTES // (1024 * 1024)}
        )
    try:
        # utf-8-sig also reads files without the byte order mark that Excel adds.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvitationFileError(
            _("The file cannot be read. Save it as “CSV UTF-8” and try again.")
        ) from None


def _delimiter(header_line: str) -> str:
    """Dutch spreadsheets save CSV with semicolons, most others with commas."""
    return ";" if header_line.count(";") > header_line.count(",") else ","


def _column(header: list[str], names: set[str]) -> int | None:
    for index, name in enumerate(header):
        if name.strip().lower() in names:
            return index
    return None


def read_invitation_list(data: bytes, *, channel: Channel) -> InvitationList:
    """Check every row of a CSV file with the columns email and optional first_name/voornaam and
    language/taal. Addresses that asked for no email, or are already invited, are left out."""
    reader, header = _open_csv(data)
    email_col = _column(header, EMAIL_COLUMNS)
    if email_col is None:
        raise InvitationFileError(
            _("The first row must give the column names, with a column called “email”.")
        )
    columns = (email_col, _column(header, FIRST_NAME_COLUMNS), _column(header, LANGUAGE_COLUMNS))
    result = InvitationList()
    candidates = _read_rows(reader, columns, result)
    emails = [c.email for c in candidates]
    opted_out = _opted_out(channel.series.organisation_id, emails)
    invited = set(
        channel.invitations.annotate(address=Lower("email"))
        .filter(address__in=emails)
        .values_list("address", flat=True)
    )
    for candidate in candidates:
        if candidate.email in opted_out:
            result.opted_out.append(candidate.row)
        elif candidate.email in invited:
            result.already_invited.append(candidate.row)
        else:
            result.rows.append(candidate)
    return result


def _open_csv(data: bytes) -> tuple[Any, list[str]]:
    """A CSV reader on the file (comma, semicolon or tab) and its first non-empty row."""
    text = _decode(data)
    lines = text.splitlines()
    if not any(line.strip() for line in lines):
        raise InvitationFileError(_("The file is empty."))
    header_line = next(line for line in lines if line.strip())
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(header_line))
    header = next(row for row in reader if any(cell.strip() for cell in row))
    return reader, header


def _read_rows(
    reader: Any, columns: tuple[int, int | None, int | None], result: InvitationList
) -> list[InvitationRow]:
    """The rows that pass the checks, each address once; the errors go into `result`."""
    email_col, name_col, language_col = columns
    first_row_of: dict[str, int] = {}
    candidates: list[InvitationRow] = []
    for cells in reader:
        row = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(candidates) + len(result.errors) >= MAX_ROWS:
            raise InvitationFileError(
                _("The file has more than %(max)s addresses. Split it into smaller files.")
                % {"max": MAX_ROWS}
            )
        raw_email = _cell(cells, email_col)
        first_name, language = _cell(cells, name_col), _cell(cells, language_col)
        errors = _check_row(row, raw_email, first_name, language)
        email = raw_email.lower()
        if not errors and email in first_row_of:
            errors.append(
                RowError(
                    row,
                    "duplicate",
                    _("Row %(row)s: this address is also on row %(first)s.")
                    % {"row": row, "first": first_row_of[email]},
                )
            )
        if errors:
            result.errors.extend(errors)
            continue
        first_row_of[email] = row
        language = LANGUAGE_VALUES[language.lower()]
        candidates.append(
            InvitationRow(row=row, email=email, first_name=first_name, language=language)
        )
    return candidates


def _cell(cells: list[str], index: int | None) -> str:
    return cells[index].strip() if index is not None and index < len(cells) else ""


def _check_row(row: int, email: str, first_name: str, language: str) -> list[RowError]:
    errors = []
    if not email:
        errors.append(
            RowError(
                row, "email_missing", _("Row %(row)s: the email address is missing.") % {"row": row}
            )
        )
    else:
        try:
            validate_email(email)
        except ValidationError:
            errors.append(
                RowError(
                    row,
                    "email_invalid",
                    _("Row %(row)s: “%(value)s” is not a valid email address.")
                    % {"row": row, "value": email},
                )
            )
    if language.lower() not in LANGUAGE_VALUES:
        errors.append(
            RowError(
                row,
                "language_invalid",
                _("Row %(row)s: the language “%(value)s” is unknown. Use nl or en.")
                % {"row": row, "value": language},
            )
        )
    if len(first_name) > FIRST_NAME_MAX:
        errors.append(
            RowError(
                row,
                "first_name_too_long",
                _("Row %(row)s: the first name is longer than %(max)s characters.")
                % {"row": row, "max": FIRST_NAME_MAX},
            )
        )
    return errors


def _opted_out(organisation_id: int, emails: list[str]) -> set[str]:
    return set(
        EmailOptOut.objects.filter(organisation_id=organisation_id)
        .annotate(address=Lower("email"))
        .filter(address__in=emails)
        .values_list("address", flat=True)
    )


def is_opted_out(organisation_id: int, email: str) -> bool:
    return bool(_opted_out(organisation_id, [email.lower()]))


@transaction.atomic
def import_invitations(
    *, channel: Channel, actor: Actor, checked: InvitationList
) -> list[Invitation]:
    """Create the invitations of a checked list. A list with any error imports nothing."""
    if channel.kind != Channel.Kind.EMAIL_LIST:
        raise ValueError("Only an email list channel has invitations.")
    if checked.errors:
        raise ValueError("A list with errors is not imported.")
    created = Invitation.objects.bulk_create(
        Invitation(
            channel=channel,
            email=row.email,
            first_name=row.first_name,
            language=row.language,
            imported_by=actor if isinstance(actor, User) else None,
        )
        for row in checked.rows
    )
    # Counts only: the addresses themselves stay out of the audit log.
    audit.record(
        actor=actor,
        action="channel.invitations_imported",
        subject=channel,
        payload={
            "imported": len(created),
            "skipped_opted_out": len(checked.opted_out),
            "skipped_already_invited": len(checked.already_invited),
        },
    )
    return created


def pending_invitations(channel: Channel) -> QuerySet[Invitation]:
    """Invitations not sent yet, leaving out addresses that asked for no more email."""
    opted_out = EmailOptOut.objects.filter(organisation_id=channel.series.organisation_id).annotate(
        address=Lower("email")
    )
    return (
        channel.invitations.filter(sent_at__isnull=True)
        .annotate(address=Lower("email"))
        .exclude(address__in=opted_out.values("address"))
    )


@transaction.atomic
def send_invitations(*, channel: Channel, actor: Actor) -> int:
    """Queue one email per invitation not sent yet. Safe to repeat: each is sent once."""
    from .tasks import send_invitation_email

    pending = list(pending_invitations(channel).values_list("pk", flat=True))
    audit.record(
        actor=actor,
        action="channel.invitations_sent",
        subject=channel,
        payload={"queued": len(pending)},
    )
    for pk in pending:
        send_invitation_email.enqueue(pk)
    return len(pending)


def opt_out_url(invitation: Invitation) -> str:
    return str(settings.SITE_URL) + reverse("invitation-opt-out", args=[invitation.opt_out_token])


def invitation_message(invitation: Invitation) -> EmailMultiAlternatives:
    """The invitation in the invitee's language, with the tracked link and a way to stop."""
    channel = invitation.channel
    series = channel.series
    stop = opt_out_url(invitation)
    return render_mail(
        to=invitation.email,
        template="outreach/mail/invitation",
        language=invitation.language,
        context={
            "invitation": invitation,
            "series": series,
            "organisation": series.organisation,
            "meeting": channels.meeting_for(channel),
            "link": channels.tracked_url(channel),
            "opt_out_link": stop,
        },
        # One-click unsubscribe (RFC 8058): mail programs show a button that posts to the link.
        headers={
            "List-Unsubscribe": f"<{stop}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def deliver_invitation(invitation_id: int) -> bool:
    """Send one invitation unless it was sent already or the address asked for no email.
    The sent_at claim makes a repeated or parallel run send nothing twice."""
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_related(
                "channel__series__organisation",
                "channel__series__neighbourhood",
                "channel__meeting__venue",
            )
            .filter(pk=invitation_id, sent_at__isnull=True)
            .first()
        )
        if invitation is None:
            return False
        organisation_id = invitation.channel.series.organisation_id
        if is_opted_out(organisation_id, invitation.email):
            return False
        now = timezone.now()
        claimed = Invitation.objects.filter(pk=invitation.pk, sent_at__isnull=True).update(
            sent_at=now, updated_at=now
        )
        if not claimed:
            return False
        # A failure to send rolls the claim back, so a retry sends it.
        invitation_message(invitation).send()
    return True


def invitation_by_token(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related(
            "channel__series__organisation", "channel__series__neighbourhood"
        )
        .filter(opt_out_token=token)
        .first()
    )


@transaction.atomic
def opt_out(*, invitation: Invitation) -> EmailOptOut:
    """Record that this address wants no more invitation emails from the organisation."""
    organisation: Organisation = invitation.channel.series.organisation
    email = invitation.email.lower()
    existing = (
        EmailOptOut.objects.annotate(address=Lower("email"))
        .filter(organisation=organisation, address=email)
        .first()
    )
    if existing is not None:
        return existing
    opt = EmailOptOut.objects.create(organisation=organisation, email=email)
    audit.record(
        actor=None,
        action="channel.opt_out",
        subject=invitation.channel,
        payload={},
        actor_label="opt-out link",
    )
    return opt
