"""The QR sheet of a decision (A4, PDF): one big code to vote on a phone, to print or to show
on a screen at the meeting."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse

from wijkdialoog.core import pdf

from .models import Decision


def vote_url(decision: Decision) -> str:
    return str(settings.SITE_URL) + reverse("decision-vote", args=[decision.token])


def render_pdf(decision: Decision) -> bytes:
    link = vote_url(decision)
    return pdf.render(
        "followup/decisions/decision_qr_sheet.html",
        {
            "decision": decision,
            "options": list(decision.options.order_by("position", "pk")),
            "link": link,
            "qr": pdf.qr_data_uri(link),
        },
    )


def response(decision: Decision) -> HttpResponse:
    return pdf.response(render_pdf(decision), f"stemmen-keuze-{decision.pk}.pdf")
