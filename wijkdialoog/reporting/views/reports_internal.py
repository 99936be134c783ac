"""The report for the organisation and its partners: organisers see the internal version
(internal cards included), partners of the organisation the partner version (internal cards
only where the organisation shares them). Never a private personal action."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path
from django.views.decorators.http import require_GET

from wijkdialoog.core import pdf
from wijkdialoog.dialogues.access import get_meeting_for, get_series_for
from wijkdialoog.dialogues.models import Meeting, Series

from .. import reports, reports_render
from ..assemble import Audience, ReportData, assemble

MEETING, SERIES = "meeting", "series"


def _internal_data(request: HttpRequest, of: str, pk: int) -> ReportData:
    subject: Meeting | Series
    if of == MEETING:
        subject = get_meeting_for(
            request, pk, "reporting.view_internal_report", related=("series__organisation",)
        )
    else:
        subject = get_series_for(request, pk, "reporting.view_internal_report")
    report = reports.report_for(subject)
    if request.user.has_perm("reporting.manage_report", subject):
        return assemble(report, Audience.INTERNAL)
    # A partner reads what the organisation has published, not its drafts.
    if not report.is_published:
        raise Http404
    return assemble(report, Audience.PARTNER)


@require_GET
def report_internal(request: HttpRequest, pk: int, of: str) -> HttpResponse:
    data = _internal_data(request, of, pk)
    return render(
        request,
        "reporting/report_page.html",
        reports_render.context(data, pdf_url=f"{request.path}verslag.pdf"),
    )


@require_GET
def report_internal_pdf(request: HttpRequest, pk: int, of: str) -> HttpResponse:
    data = _internal_data(request, of, pk)
    name = reports_render.filename(data, f"verslag {data.audience}")
    return pdf.response(reports_render.render_pdf(data), name)


def _paths(prefix: str, of: str) -> list[URLPattern]:
    base = f"verslag/intern/{prefix}/<int:pk>/"
    return [
        path(base, report_internal, {"of": of}, name=f"report-{of}-internal"),
        path(
            f"{base}verslag.pdf", report_internal_pdf, {"of": of}, name=f"report-{of}-internal-pdf"
        ),
    ]


urlpatterns = [*_paths("bijeenkomst", MEETING), *_paths("wijkdialoog", SERIES)]
