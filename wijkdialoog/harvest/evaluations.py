"""A series' choice to ask Kom erbij, and a meeting's evaluations as a spreadsheet."""

from django.db import transaction
from django.utils.translation import gettext as _

from wijkdialoog.core import audit
from wijkdialoog.core.exports import Cell, Sheet
from wijkdialoog.dialogues.models import Meeting, Series

from .models import Evaluation, SeriesEvaluation


@transaction.atomic
def set_kom_erbij(*, series: Series, ask: bool, actor) -> SeriesEvaluation:
    """Switch the Kom erbij questions on or off for the evaluations of a series."""
    settings, _created = SeriesEvaluation.objects.select_for_update().get_or_create(series=series)
    if settings.ask_kom_erbij != ask:
        settings.ask_kom_erbij = ask
        settings.save(update_fields=["ask_kom_erbij", "updated_at"])
        audit.record(
            actor=actor,
            action="series_evaluation.changed",
            subject=series,
            payload={"ask_kom_erbij": ask},
        )
    return settings


def _headers() -> list[str]:
    return [
        _("Table"),
        _("Filled in"),
        _("Rating"),
        _("Grade"),
        _("Spoke with people they would not otherwise meet"),
        _("Feels more connected"),
        _("View on the theme changed"),
        _("Exchanged contact details"),
        _("What they take with them"),
        _("Added at"),
    ]


def evaluation_sheet(meeting: Meeting) -> Sheet:
    """Every evaluation of the meeting. Kom erbij stays out: it is shown only as totals of at
    least five people (reporting/evaluation.py), never per person."""
    rows: list[list[Cell]] = []
    evaluations = Evaluation.objects.filter(table__meeting=meeting).select_related("table")
    for evaluation in evaluations.order_by("table__number", "created_at", "pk"):
        rows.append(
            [
                evaluation.table.number,
                evaluation.get_source_display(),
                evaluation.rating,
                evaluation.grade,
                evaluation.get_met_someone_new_display(),
                evaluation.get_feel_more_connected_display(),
                evaluation.get_view_changed_display(),
                evaluation.get_exchanged_contacts_display(),
                evaluation.takeaway,
                evaluation.created_at,
            ]
        )
    return Sheet(title=_("Evaluations"), headers=_headers(), rows=rows)


@transaction.atomic
def export_evaluations(*, meeting: Meeting, actor, file_format: str) -> Sheet:
    sheet = evaluation_sheet(meeting)
    audit.record(
        actor=actor,
        action="evaluations.exported",
        subject=meeting,
        payload={"format": file_format, "rows": len(sheet)},
    )
    return sheet
