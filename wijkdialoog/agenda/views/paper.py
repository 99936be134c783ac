"""Organiser pages for paper ballots: the printable ballot and typing in filled-in ballots."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from wijkdialoog.core import pdf
from wijkdialoog.core.access import require
from wijkdialoog.core.forms import show_domain_error

from .. import paper
from ..models import Agenda


def _agenda(request: HttpRequest, pk: int) -> Agenda:
    agenda = get_object_or_404(Agenda.objects.select_related("series"), pk=pk)
    require(request, "agenda.manage_agenda", agenda)
    return agenda


@require_GET
def agenda_ballot(request: HttpRequest, pk: int) -> HttpResponse:
    agenda = _agenda(request, pk)
    return pdf.response(paper.render_ballot(agenda), paper.ballot_filename(agenda))


@require_http_methods(["GET", "POST"])
def agenda_paper_entry(request: HttpRequest, pk: int) -> HttpResponse:
    agenda = _agenda(request, pk)
    form = paper.BallotForm(request.POST or None, agenda=agenda)
    if request.method == "POST" and form.is_valid():
        try:
            voter = paper.enter_ballot(agenda=agenda, votes=form.votes(), actor=request.user)
        except ValidationError as error:
            show_domain_error(form, error)
        else:
            messages.success(
                request,
                _("Ballot %(number)s saved. Type the next one.") % {"number": voter.number},
            )
            return redirect("agenda-paper-entry", pk=agenda.pk)
    return render(
        request,
        "agenda/paper_entry.html",
        {"agenda": agenda, "form": form, "recent": paper.recent_ballots(agenda)},
    )


urlpatterns: list[URLPattern] = [
    path("beheer/agendas/<int:pk>/stembiljet.pdf", agenda_ballot, name="agenda-ballot"),
    path("beheer/agendas/<int:pk>/papier/", agenda_paper_entry, name="agenda-paper-entry"),
]
