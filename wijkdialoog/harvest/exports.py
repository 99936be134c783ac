"""The cards of a meeting as a spreadsheet. Organisers get every card with its first name and
status; facilitators and partners get what the public wall shows, with a name only where the
participant allowed it. Private personal actions stay out for everyone. Each export is audited."""

from django.db import transaction
from django.utils.translation import gettext as _

from wijkdialoog.core import audit
from wijkdialoog.core.exports import Sheet
from wijkdialoog.dialogues.models import Meeting
from wijkdialoog.methods.kinds import CardKind

from .models import Card


def _headers() -> list[str]:
    return [
        _("Table"),
        _("Phase"),
        _("Kind"),
        _("Text"),
        _("First name"),
        _("Publication"),
        _("Status"),
        _("Source"),
        _("Added at"),
    ]


def _cards(meeting: Meeting, *, with_internal: bool):
    cards = Card.objects.filter(meeting=meeting)
    if with_internal:
        cards = cards.exclude(kind=CardKind.PERSONAL_ACTION, shared=False)
    else:
        cards = cards.public()
    return cards.select_related("table").order_by("table__number", "created_at", "pk")


def card_sheet(meeting: Meeting, *, with_internal: bool) -> Sheet:
    rows = [
        [
            card.table.number if card.table else None,
            card.phase_name,
            card.get_kind_display(),
            card.text,
            card.first_name if with_internal else card.public_name,
            card.get_publication_display(),
            card.get_status_display(),
            card.get_source_display(),
            card.created_at,
        ]
        for card in _cards(meeting, with_internal=with_internal)
    ]
    return Sheet(title=_("Harvest"), headers=_headers(), rows=rows)


@transaction.atomic
def export_cards(*, meeting: Meeting, actor, file_format: str, with_internal: bool) -> Sheet:
    sheet = card_sheet(meeting, with_internal=with_internal)
    audit.record(
        actor=actor,
        action="cards.exported",
        subject=meeting,
        payload={"format": file_format, "rows": len(sheet), "internal": with_internal},
    )
    return sheet
