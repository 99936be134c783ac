"""The results of a vote: the organiser's page (with the button that calculates them) and the
public page, open to everyone once voting has closed (agenda.view_results)."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from ..analysing import analyse_agenda
from ..manage_access import AGENDA_RELATED, get_agenda_to_manage
from ..models import Agenda
from ..results import results_for


@require_http_methods(["GET", "POST"])
def results_manage(request: HttpRequest, pk: int) -> HttpResponse:
    agenda = get_agenda_to_manage(request, pk)
    if request.method == "POST":
        analyse_agenda(agenda)
        messages.success(request, _("The results have been calculated."))
        return redirect("agenda-results-manage", pk=agenda.pk)
    context = {"agenda": agenda, "series": agenda.series, "results": results_for(agenda)}
    return render(request, "agenda/results_manage.html", context)


@require_GET
def results_public(request: HttpRequest, token: str) -> HttpResponse:
    agenda = get_object_or_404(Agenda.objects.select_related(*AGENDA_RELATED), token=token)
    if not request.user.has_perm("agenda.view_results", agenda):
        raise Http404
    context = {
        "agenda": agenda,
        "results": results_for(agenda),
        "organisation": agenda.series.organisation,
    }
    return render(request, "agenda/results_public.html", context)


urlpatterns = [
    path("beheer/agendas/<int:pk>/uitslag/", results_manage, name="agenda-results-manage"),
    path("stem/<str:token>/uitslag/", results_public, name="agenda-results"),
]
