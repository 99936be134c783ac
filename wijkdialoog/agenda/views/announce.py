"""Announcing an agenda: the organiser's page (link, poster, mail) and the public opt-out link
in the announcement mail."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wijkdialoog.core import pdf

from .. import announcing
from ..manage_access import AGENDA_RELATED, get_agenda_to_manage
from ..models import Agenda


@require_GET
def agenda_announce(request: HttpRequest, pk: int) -> HttpResponse:
    agenda = get_agenda_to_manage(request, pk)
    context = {
        "agenda": agenda,
        "series": agenda.series,
        "public_url": announcing.vote_url(agenda),
        "recipient_count": len(announcing.recipients(agenda)),
    }
    return render(request, "agenda/agenda_announce.html", context)


@require_GET
def agenda_poster(request: HttpRequest, pk: int) -> HttpResponse:
    agenda = get_agenda_to_manage(request, pk)
    return pdf.response(
        announcing.poster_pdf(agenda), announcing.poster_filename(agenda), download=True
    )


@require_POST
def agenda_announce_mail(request: HttpRequest, pk: int) -> HttpResponse:
    agenda = get_agenda_to_manage(request, pk)
    try:
        count = announcing.announce_by_mail(agenda=agenda, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            ngettext(
                "The announcement is on its way to %(count)s person.",
                "The announcement is on its way to %(count)s people.",
                count,
            )
            % {"count": count},
        )
    return redirect("agenda-announce", pk=agenda.pk)


@require_http_methods(["GET", "POST"])
def agenda_opt_out(request: HttpRequest, token: str) -> HttpResponse:
    """The stop link of the announcement mail; the pages are those of the invitation mails."""
    found = announcing.read_opt_out_token(token)
    agenda = (
        Agenda.objects.select_related(*AGENDA_RELATED).filter(pk=found[0]).first()
        if found
        else None
    )
    if found is None or agenda is None:
        return render(request, "outreach/invitation_unknown.html", status=404)
    organisation = agenda.series.organisation
    if request.method == "POST":
        announcing.opt_out(agenda=agenda, email=found[1])
        return render(request, "outreach/invitation_opted_out.html", {"organisation": organisation})
    context = {"organisation": organisation, "token": token}
    return render(request, "outreach/invitation_opt_out.html", context)


urlpatterns = [
    path("beheer/agendas/<int:pk>/aankondigen/", agenda_announce, name="agenda-announce"),
    path("beheer/agendas/<int:pk>/poster.pdf", agenda_poster, name="agenda-poster"),
    path(
        "beheer/agendas/<int:pk>/aankondigen/mail/",
        agenda_announce_mail,
        name="agenda-announce-mail",
    ),
    path("stem/afmelden/<str:token>/", agenda_opt_out, name="agenda-opt-out"),
]
