"""Mailing a report to the people who asked to be kept posted: a confirm page that says how
many will get it, and the POST that sends it. For a series or for one meeting."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from wijkdialoog.dialogues.access import get_meeting_for, get_series_for
from wijkdialoog.dialogues.models import Meeting, Series

from .. import newsletter


def _send_page(
    request: HttpRequest, *, series: Series, meeting: Meeting | None, back: str
) -> HttpResponse:
    if request.method == "POST":
        count = newsletter.send_newsletter(
            series=series,
            meeting=meeting,
            report_url=newsletter.public_report_url(series, meeting),
            actor=request.user,
        )
        messages.success(
            request,
            ngettext(
                "The report is being mailed to %(count)s person.",
                "The report is being mailed to %(count)s people.",
                count,
            )
            % {"count": count},
        )
        return redirect(back)
    return render(
        request,
        "reporting/newsletter_send.html",
        {
            "series": series,
            "meeting": meeting,
            "count": newsletter.waiting_recipients(series=series, meeting=meeting).count(),
            "report_url": newsletter.public_report_url(series, meeting),
            "back": back,
        },
    )


@require_http_methods(["GET", "POST"])
def series_newsletter(request: HttpRequest, pk: int) -> HttpResponse:
    series = get_series_for(request, pk, "reporting.send_newsletter")
    return _send_page(
        request, series=series, meeting=None, back=reverse("series-detail", args=[series.pk])
    )


@require_http_methods(["GET", "POST"])
def meeting_newsletter(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for(request, pk, "reporting.send_newsletter")
    return _send_page(
        request,
        series=meeting.series,
        meeting=meeting,
        back=reverse("meeting-manage", args=[meeting.pk]),
    )


urlpatterns = [
    path("beheer/wijkdialogen/<int:pk>/nieuwsbrief/", series_newsletter, name="series-newsletter"),
    path(
        "beheer/bijeenkomsten/<int:pk>/nieuwsbrief/", meeting_newsletter, name="meeting-newsletter"
    ),
]
