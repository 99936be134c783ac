"""The published report for everyone: the web page, the A4 PDF and the A3 poster, per meeting
and per series. Unpublished, it does not exist (404)."""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import path
from django.views.decorators.http import require_GET

from wijkdialoog.core import pdf
from wijkdialoog.dialogues.models import Series

from .. import reports_render
from ..assemble import Audience, ReportData, assemble
from ..models import Report
from ..reports import REPORT_RELATED


def _published_meeting_report(pk: int) -> Report:
    report = get_object_or_404(
        Report.objects.select_related(*REPORT_RELATED),
        meeting_id=pk,
        published_at__isnull=False,
    )
    meeting = report.meeting
    assert meeting is not None
    if not meeting.is_published or meeting.cancelled_at is not None:
        raise Http404
    return report


def _published_series_report(organisation: str, neighbourhood: str, series: str) -> Report:
    found = get_object_or_404(
        Series.objects.only("pk"),
        organisation__slug=organisation,
        neighbourhood__slug=neighbourhood,
        slug=series,
    )
    return get_object_or_404(
        Report.objects.select_related(*REPORT_RELATED), series=found, published_at__isnull=False
    )


def _public_data(kwargs: dict[str, Any]) -> ReportData:
    if "pk" in kwargs:
        report = _published_meeting_report(kwargs["pk"])
    else:
        report = _published_series_report(
            kwargs["organisation"], kwargs["neighbourhood"], kwargs["series"]
        )
    return assemble(report, Audience.PUBLIC)


@require_GET
def report_public(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    data = _public_data(kwargs)
    return render(request, "reporting/report_page.html", reports_render.context(data))


@require_GET
def report_public_pdf(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    data = _public_data(kwargs)
    return pdf.response(reports_render.render_pdf(data), reports_render.filename(data, "verslag"))


@require_GET
def report_public_poster(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    data = _public_data(kwargs)
    return pdf.response(reports_render.render_poster(data), reports_render.filename(data, "poster"))


MEETING = "verslag/bijeenkomst/<int:pk>/"
SERIES = "verslag/<slug:organisation>/<slug:neighbourhood>/<slug:series>/"

urlpatterns = [
    path(MEETING, report_public, name="report-meeting-public"),
    path(f"{MEETING}verslag.pdf", report_public_pdf, name="report-meeting-pdf"),
    path(f"{MEETING}poster.pdf", report_public_poster, name="report-meeting-poster"),
    path(SERIES, report_public, name="report-series-public"),
    path(f"{SERIES}verslag.pdf", report_public_pdf, name="report-series-pdf"),
    path(f"{SERIES}poster.pdf", report_public_poster, name="report-series-poster"),
]
