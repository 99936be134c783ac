"""Announcing an agenda: the organiser's page (link, channels with posters, flyers and share
texts, mail) and the public opt-out link in the announcement mail."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wijkdialoog.core import pdf
from wijkdialoog.outreach import channels as outreach_channels

from .. import announce_channels, announcing
from ..manage_access import AGENDA_RELATED, check_manage, get_agenda_to_manage
from ..manage_forms import AgendaChannelForm
from ..models import Agenda, AgendaChannel


@require_http_methods(["GET", "POST"])
def agenda_announce(request: HttpRequest, pk: int) -> HttpResponse:
    """The link, the agenda's channels with their figures (and a form to add one), the mail."""
    agenda = get_agenda_to_manage(request, pk)
    form = AgendaChannelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        item = announce_channels.create_agenda_channel(
            agenda=agenda, actor=request.user, **form.cleaned_data
        )
        messages.success(request, _("The channel “%(name)s” has been added.") % {"name": item})
        return redirect(reverse("agenda-announce", args=[agenda.pk]) + "#channels-heading")
    context = {
        "agenda": agenda,
        "series": agenda.series,
        "public_url": announcing.vote_url(agenda),
        "recipient_count": len(announcing.recipients(agenda)),
        "figures": announce_channels.agenda_figures(agenda),
        "print_kinds": outreach_channels.PRINT_KINDS,
        "share_kinds": outreach_channels.SHARE_KINDS,
        "form": form,
    }
    return render(request, "agenda/agenda_announce.html", context)


def _agenda_channel(request: HttpRequest, pk: int) -> AgendaChannel:
    item = get_object_or_404(
        AgendaChannel.objects.select_related(
            "channel", *(f"agenda__{name}" for name in AGENDA_RELATED)
        ),
        pk=pk,
    )
    check_manage(request, item.agenda)
    return item


def _print(request: HttpRequest, pk: int, format: str) -> HttpResponse:
    item = _agenda_channel(request, pk)
    return pdf.response(
        announce_channels.render_pdf(item, format=format),
        announce_channels.filename(item, format=format),
        download=True,
    )


@require_GET
def agenda_channel_poster(request: HttpRequest, pk: int) -> HttpResponse:
    return _print(request, pk, "poster")


@require_GET
def agenda_channel_flyer(request: HttpRequest, pk: int) -> HttpResponse:
    return _print(request, pk, "flyer")


@require_GET
def agenda_channel_share(request: HttpRequest, pk: int) -> HttpResponse:
    item = _agenda_channel(request, pk)
    text = announce_channels.share_text(item)
    context = {
        "item": item,
        "agenda": item.agenda,
        "text": text,
        "whatsapp_url": announce_channels.whatsapp_url(text),
        "link": outreach_channels.tracked_url(item.channel),
    }
    return render(request, "agenda/channel_share.html", context)


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
    path(
        "beheer/agendakanalen/<int:pk>/poster.pdf",
        agenda_channel_poster,
        name="agenda-channel-poster",
    ),
    path(
        "beheer/agendakanalen/<int:pk>/flyer.pdf", agenda_channel_flyer, name="agenda-channel-flyer"
    ),
    path("beheer/agendakanalen/<int:pk>/delen/", agenda_channel_share, name="agenda-channel-share"),
    path(
        "beheer/agendas/<int:pk>/aankondigen/mail/",
        agenda_announce_mail,
        name="agenda-announce-mail",
    ),
    path("stem/afmelden/<str:token>/", agenda_opt_out, name="agenda-opt-out"),
]
