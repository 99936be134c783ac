"""The organiser's side of a report: writing the texts (Dutch and English), a preview of the
public version, publishing and taking it offline."""

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wijkdialoog.core.forms import ModelForm
from wijkdialoog.core.readability import add_hints
from wijkdialoog.dialogues.access import get_meeting_for, get_series_for
from wijkdialoog.dialogues.models import Meeting, Series

from .. import reports, reports_render
from ..assemble import Audience, assemble
from ..models import REPORT_TEXT_FIELDS, REPORT_TEXTS, Report

ENGLISH_HELP = gettext_lazy("For visitors who read English. Empty: they see the Dutch text.")
MEETING, SERIES = "meeting", "series"


class ReportTextsForm(ModelForm):
    class Meta:
        model = Report
        fields = list(REPORT_TEXT_FIELDS)
        widgets = {name: forms.Textarea(attrs={"rows": 5}) for name in REPORT_TEXT_FIELDS}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name.endswith("_en"):
                field.widget.attrs["lang"] = "en"
                field.help_text = ENGLISH_HELP
        # The texts go public: a readability hint under each Dutch one, long sentences named.
        add_hints(self, REPORT_TEXTS)


def managed_subject(request: HttpRequest, of: str, pk: int) -> Meeting | Series:
    """The meeting or series whose report the organiser works on (login page or 403 else)."""
    if of == MEETING:
        return get_meeting_for(
            request, pk, "reporting.manage_report", related=("series__organisation",)
        )
    return get_series_for(request, pk, "reporting.manage_report")


def _manage_url(of: str, subject: Meeting | Series) -> str:
    return reverse(f"report-{of}-manage", args=[subject.pk])


@require_http_methods(["GET", "POST"])
def report_manage(request: HttpRequest, pk: int, of: str) -> HttpResponse:
    subject = managed_subject(request, of, pk)
    report = reports.report_for(subject)
    form = ReportTextsForm(request.POST or None, instance=report)
    if request.method == "POST" and form.is_valid():
        reports.save_texts(subject=subject, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The texts of the report have been saved."))
        if "preview" in request.POST:
            return redirect(f"report-{of}-preview", pk=subject.pk)
        return redirect(_manage_url(of, subject))
    return render(
        request,
        "reporting/report_manage.html",
        {
            "form": form,
            "report": report,
            "of": of,
            "subject": subject,
            "series": subject if isinstance(subject, Series) else subject.series,
            "public_path": reports_render.public_path(report) if report.is_published else "",
            "urls": {
                action: reverse(f"report-{of}-{action}", args=[subject.pk])
                for action in ("publish", "unpublish", "preview", "internal")
            }
            | {"newsletter": reverse(f"{of}-newsletter", args=[subject.pk])},
        },
        status=400 if form.errors else 200,
    )


@require_GET
def report_preview(request: HttpRequest, pk: int, of: str) -> HttpResponse:
    """The public version as it would go online, texts and all, before it is published."""
    subject = managed_subject(request, of, pk)
    data = assemble(reports.report_for(subject), Audience.PUBLIC)
    return render(
        request,
        "reporting/report_page.html",
        reports_render.context(data, preview=True, manage_url=_manage_url(of, subject)),
    )


@require_POST
def report_publish(request: HttpRequest, pk: int, of: str) -> HttpResponse:
    subject = managed_subject(request, of, pk)
    try:
        reports.publish(subject=subject, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The report is online."))
    return redirect(_manage_url(of, subject))


@require_POST
def report_unpublish(request: HttpRequest, pk: int, of: str) -> HttpResponse:
    subject = managed_subject(request, of, pk)
    try:
        reports.unpublish(subject=subject, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The report has been taken offline."))
    return redirect(_manage_url(of, subject))


def _paths(prefix: str, of: str) -> list[URLPattern]:
    base = f"beheer/{prefix}/<int:pk>/verslag/"
    return [
        path(base, report_manage, {"of": of}, name=f"report-{of}-manage"),
        path(f"{base}voorbeeld/", report_preview, {"of": of}, name=f"report-{of}-preview"),
        path(f"{base}publiceren/", report_publish, {"of": of}, name=f"report-{of}-publish"),
        path(f"{base}offline/", report_unpublish, {"of": of}, name=f"report-{of}-unpublish"),
    ]


urlpatterns = [*_paths("bijeenkomsten", MEETING), *_paths("wijkdialogen", SERIES)]
