"""Public progress and the organiser's CSV of agreement statuses (issue 11, item 8)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from wijkdialoog.core.forms import Form
from wijkdialoog.dialogues.access import get_series_for

from .. import agreement_csv
from ..feeds import ProgressFeed
from ..models import AgreementStatus


class ImportForm(Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy(
            "Columns id and status, and optionally note (a line for the timeline). "
            "Use the export as a start."
        ),
    )


@require_GET
def agreements_export(request: HttpRequest, pk: int) -> HttpResponse:
    series = get_series_for(request, pk, "followup.manage_agreements")
    response = HttpResponse(agreement_csv.export_csv(series), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="wijkafspraken-{series.pk}.csv"'
    return response


@require_http_methods(["GET", "POST"])
def agreements_import(request: HttpRequest, pk: int) -> HttpResponse:
    series = get_series_for(request, pk, "followup.manage_agreements")
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            changes = agreement_csv.apply(
                series, form.cleaned_data["file"].read(), actor=request.user
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(
                request,
                _("%(count)s agreements were updated.") % {"count": len(changes)},
            )
            return redirect("series-agreements", series.pk)
    status = 400 if form.errors else 200
    return render(
        request,
        "followup/progress/agreements_import.html",
        {"series": series, "form": form, "statuses": AgreementStatus.choices},
        status=status,
    )


urlpatterns = [
    path(
        "beheer/wijkdialogen/<int:pk>/afspraken/export.csv",
        agreements_export,
        name="agreements-export",
    ),
    path(
        "beheer/wijkdialogen/<int:pk>/afspraken/import/",
        agreements_import,
        name="agreements-import",
    ),
    path(
        "wijk/<slug:organisation>/<slug:neighbourhood>/voortgang.atom",
        ProgressFeed(),
        name="neighbourhood-progress-feed",
    ),
]
