"""The harvest of a series or a meeting as a spreadsheet: the cards a harvest page shows with
the same filters, all pages at once. What is in it follows the viewer (collection.Viewer): the
public export holds public cards only, and names only where `Card.name_in_public` allows."""

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from wijkdialoog.core import audit
from wijkdialoog.core.exports import Cell, Sheet
from wijkdialoog.dialogues.models import Meeting, Series

from .collection import Filters, Viewer, ordered, scoped_cards, shown_highlight, theme_of


def _headers(viewer: Viewer) -> list[str]:
    headers = [
        _("Meeting"),
        _("Date"),
        _("Table"),
        _("Round"),
        _("Kind"),
        _("Text"),
        _("First name"),
        _("Theme"),
        _("Highlight"),
    ]
    if viewer.sees_internal:
        headers.append(_("Publication"))
    if viewer.organiser:
        headers.append(_("Status"))
    return headers


def harvest_sheet(scope: Series | Meeting, viewer: Viewer, filters: Filters) -> Sheet:
    rows: list[list[Cell]] = []
    for card in ordered(filters.apply(scoped_cards(scope, viewer))):
        theme = theme_of(card, viewer)
        row: list[Cell] = [
            card.meeting.display_title,
            card.meeting.starts_at,
            card.table.number if card.table else None,
            card.phase_name,
            str(card.get_kind_display()),
            card.text,
            card.public_name,
            theme.name if theme else "",
            shown_highlight(card, viewer) is not None,
        ]
        if viewer.sees_internal:
            row.append(str(card.get_publication_display()))
        if viewer.organiser:
            row.append(str(card.get_status_display()))
        rows.append(row)
    return Sheet(title=_("Harvest"), headers=_headers(viewer), rows=rows)


@transaction.atomic
def export_harvest(
    *,
    scope: Series | Meeting,
    viewer: Viewer,
    filters: Filters,
    actor: Any,
    file_format: str,
) -> Sheet:
    sheet = harvest_sheet(scope, viewer, filters)
    audit.record(
        actor=actor,
        action="series_harvest.exported",
        subject=scope,
        payload={
            "format": file_format,
            "rows": len(sheet),
            "internal": viewer.sees_internal,
            "filtered": filters.active,
        },
    )
    return sheet
