"""Polis import and export on the organiser's agenda pages."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from ..manage_access import get_agenda_to_manage, get_series_to_manage
from ..manage_forms import PolisImportForm
from ..polis_export import export_filename, export_zip
from ..polis_import import import_agenda


@require_http_methods(["GET", "POST"])
def agenda_import(request: HttpRequest, pk: int) -> HttpResponse:
    series = get_series_to_manage(request, pk)
    form = PolisImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        agenda = import_agenda(
            series=series,
            actor=request.user,
            title=form.cleaned_data["title"],
            export=form.cleaned_data["export"],
        )
        messages.success(
            request,
            _("The Polis export has been imported: %(statements)s statements, %(voters)s voters.")
            % {"statements": agenda.statements.count(), "voters": agenda.voters.count()},
        )
        return redirect("agenda-manage", pk=agenda.pk)
    status = 400 if form.is_bound else 200
    context = {"series": series, "form": form}
    return render(request, "agenda/agenda_import.html", context, status=status)


@require_GET
def agenda_export(request: HttpRequest, pk: int) -> HttpResponse:
    agenda = get_agenda_to_manage(request, pk)
    content = export_zip(agenda=agenda, actor=request.user)
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{export_filename(agenda)}"'
    return response


urlpatterns = [
    path("beheer/wijkdialogen/<int:pk>/agenda/uit-polis/", agenda_import, name="agenda-import"),
    path("beheer/agendas/<int:pk>/polis-export.zip", agenda_export, name="agenda-export"),
]
