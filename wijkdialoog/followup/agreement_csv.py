"""CSV export and import of the statuses of a series' wijkafspraken (issue 11, item 8; the
Decidim accountability habit). The import is all or nothing: every row is checked first, and a
single error changes nothing."""

import csv
import io
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Prefetch
from django.utils import translation
from django.utils.translation import gettext as _

from wijkdialoog.core import audit
from wijkdialoog.dialogues.models import Series

from .models import Agreement, AgreementParty, AgreementStatus, AgreementUpdate

COLUMNS = ("id", "title", "status", "parties", "due_dates", "last_update")
MAX_BYTES = 1_000_000
MAX_ROWS = 2000


def export_rows(series: Series) -> list[list[str]]:
    agreements = (
        Agreement.objects.filter(series=series)
        .annotate(last_update_at=Max("updates__created_at"))
        .prefetch_related(
            Prefetch("parties", queryset=AgreementParty.objects.select_related("person"))
        )
        .order_by("pk")
    )
    rows = [list(COLUMNS)]
    for agreement in agreements:
        parties = list(agreement.parties.all())
        last = agreement.last_update_at
        rows.append(
            [
                str(agreement.pk),
                agreement.title,
                agreement.status,
                "; ".join(party.display_name for party in parties),
                "; ".join(party.due_on.isoformat() for party in parties if party.due_on),
                last.date().isoformat() if last else "",
            ]
        )
    return rows


def export_csv(series: Series) -> str:
    out = io.StringIO()
    csv.writer(out).writerows(export_rows(series))
    return out.getvalue()


@dataclass(frozen=True)
class Change:
    agreement: Agreement
    status: str
    note: str


def _status_of(value: str) -> str | None:
    """A status by its code (as exported) or its label in either language."""
    wanted = value.strip().lower()
    for choice in AgreementStatus:
        labels = set()
        for language in ("nl", "en"):
            with translation.override(language):
                labels.add(str(choice.label).lower())
        if wanted == choice.value or wanted in labels:
            return choice.value
    return None


def _read(data: bytes) -> list[dict[str, str]]:
    if len(data) > MAX_BYTES:
        raise ValidationError(_("The file is too large (at most 1 MB)."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(_("The file is not a CSV file in UTF-8.")) from error
    sample = text[:2048]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    fields = {name.strip().lower() for name in reader.fieldnames or []}
    missing = [name for name in ("id", "status") if name not in fields]
    if missing:
        raise ValidationError(
            _("The first row must name the columns; missing: %(columns)s.")
            % {"columns": ", ".join(missing)}
        )
    rows = [{(k or "").strip().lower(): (v or "") for k, v in row.items()} for row in reader]
    if len(rows) > MAX_ROWS:
        raise ValidationError(_("The file has too many rows (at most 2000)."))
    return rows


def check(series: Series, data: bytes) -> list[Change]:
    """Every change the file asks for; a ValidationError listing each row and column that is
    wrong."""
    rows = _read(data)
    known = {agreement.pk: agreement for agreement in Agreement.objects.filter(series=series)}
    errors: list[str] = []
    changes: list[Change] = []
    seen: set[int] = set()
    for number, row in enumerate(rows, start=2):
        value = row.get("id", "").strip()
        agreement = known.get(int(value)) if value.isdigit() else None
        if agreement is None or agreement.pk in seen:
            reason = _("used twice") if agreement else _("not an agreement of this series")
            errors.append(
                _("Row %(row)s, column %(column)s: “%(value)s” is %(reason)s.")
                % {"row": number, "column": "id", "value": value, "reason": reason}
            )
            continue
        seen.add(agreement.pk)
        status = _status_of(row.get("status", ""))
        if status is None:
            errors.append(
                _("Row %(row)s, column %(column)s: “%(value)s” is not a status.")
                % {"row": number, "column": "status", "value": row.get("status", "")}
            )
            continue
        note = row.get("note", "").strip()[:2000]
        if status != agreement.status or note:
            changes.append(Change(agreement=agreement, status=status, note=note))
    if errors:
        raise ValidationError(errors)
    return changes


@transaction.atomic
def apply(series: Series, data: bytes, *, actor: Any) -> list[Change]:
    """Checks the whole file, then changes the statuses (rows locked) and adds an update note
    to each agreement's timeline; audited per agreement and once for the import."""
    changes = check(series, data)
    locked = Agreement.objects.select_for_update().filter(
        pk__in=[change.agreement.pk for change in changes]
    )
    stored = {agreement.pk: agreement for agreement in locked}
    for change in changes:
        agreement = stored[change.agreement.pk]
        before = agreement.status
        new_status = change.status if change.status != before else ""
        if new_status:
            agreement.status = new_status
            agreement.save(update_fields=["status", "updated_at"])
        update = AgreementUpdate.objects.create(
            agreement=agreement,
            author=actor if getattr(actor, "is_authenticated", False) else None,
            text=change.note,
            status=new_status,
        )
        audit.record(
            actor=actor,
            action="followup.agreement_status",
            subject=agreement,
            payload={"from": before, "to": agreement.status, "update": update.pk, "csv": True},
        )
    audit.record(
        actor=actor,
        action="followup.agreements_imported",
        subject=series,
        payload={"changed": [change.agreement.pk for change in changes]},
    )
    return changes
