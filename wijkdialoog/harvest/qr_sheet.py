"""The QR sheet for a table (A4, PDF): one code to write your own card during the conversation,
one for the short evaluation at the end. Both links work without an account."""

from django.conf import settings
from django.urls import reverse

from wijkdialoog.core import pdf
from wijkdialoog.core.pdf import qr_data_uri

from .models import TableRun

__all__ = ["evaluation_url", "filename", "participant_url", "qr_data_uri", "render_pdf"]


def participant_url(run: TableRun) -> str:
    return settings.SITE_URL + reverse("participant-card", args=[run.participant_token])


def evaluation_url(run: TableRun) -> str:
    return settings.SITE_URL + reverse("participant-evaluation", args=[run.participant_token])


def render_pdf(run: TableRun) -> bytes:
    """The sheet in the active language."""
    table = run.table
    card_link, evaluation_link = participant_url(run), evaluation_url(run)
    return pdf.render(
        "harvest/facilitator_qr_sheet.html",
        {
            "table": table,
            "meeting": table.meeting,
            "card_link": card_link,
            "card_qr": qr_data_uri(card_link),
            "evaluation_link": evaluation_link,
            "evaluation_qr": qr_data_uri(evaluation_link),
        },
    )


def filename(run: TableRun) -> str:
    return f"qr-codes-tafel-{run.table.number}-{run.table.meeting_id}.pdf"
