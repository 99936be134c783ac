"""Invitation channels: tracked links, posters and flyers, email lists, share texts."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wijkdialoog.core import pdf
from wijkdialoog.core.access import require
from wijkdialoog.dialogues.access import get_series_for
from wijkdialoog.registrations.models import Channel

from .. import channels, invitations, posters
from ..forms import ChannelForm, InvitationImportForm
from ..invitations import InvitationList


def _channel(request: HttpRequest, pk: int) -> Channel:
    # A channel a higher app owns (the wijkagenda's) has its tools on that app's pages.
    channel = get_object_or_404(
        Channel.objects.select_related(
            "series__organisation", "series__neighbourhood", "meeting__venue"
        ).exclude(channels.owned_elsewhere()),
        pk=pk,
    )
    require(request, "outreach.manage_channels", channel)
    return channel


@require_GET
def channel_link(request: HttpRequest, code: str) -> HttpResponse:
    """The tracked link on posters, flyers and in messages: remember the channel, then go on."""
    channel = channels.channel_by_code(code)
    if channel is None:
        return render(request, "outreach/channel_unknown.html", status=404)
    request.session[channels.SESSION_KEY] = channel.pk
    return redirect(channels.destination(channel))


@require_http_methods(["GET", "POST"])
def channel_list(request: HttpRequest, pk: int) -> HttpResponse:
    series = get_series_for(request, pk, "outreach.manage_channels")
    form = ChannelForm(request.POST or None, series=series)
    if request.method == "POST" and form.is_valid():
        channel = channels.create_channel(series=series, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The channel “%(name)s” has been added.") % {"name": channel})
        return redirect("channel-list", pk=series.pk)
    return render(
        request,
        "outreach/channel_list.html",
        {
            "series": series,
            "figures": channels.series_figures(series),
            "form": form,
            "print_kinds": channels.PRINT_KINDS,
            "share_kinds": channels.SHARE_KINDS,
        },
    )


def _pdf(request: HttpRequest, pk: int, format: str) -> HttpResponse:
    channel = _channel(request, pk)
    return pdf.response(
        posters.render_pdf(channel, format=format),
        posters.filename(channel, format=format),
        download=True,
    )


@require_GET
def channel_poster(request: HttpRequest, pk: int) -> HttpResponse:
    return _pdf(request, pk, "poster")


@require_GET
def channel_flyer(request: HttpRequest, pk: int) -> HttpResponse:
    return _pdf(request, pk, "flyer")


@require_GET
def channel_share(request: HttpRequest, pk: int) -> HttpResponse:
    channel = _channel(request, pk)
    text = channels.share_text(channel)
    return render(
        request,
        "outreach/channel_share.html",
        {
            "channel": channel,
            "series": channel.series,
            "text": text,
            "whatsapp_url": channels.whatsapp_url(text),
            "link": channels.tracked_url(channel),
        },
    )


@require_http_methods(["GET", "POST"])
def channel_email(request: HttpRequest, pk: int) -> HttpResponse:
    """The address list of an email channel: import a CSV file and send the invitations."""
    channel = _channel(request, pk)
    if channel.kind != Channel.Kind.EMAIL_LIST:
        return redirect("channel-list", pk=channel.series_id)
    form = InvitationImportForm(request.POST or None, request.FILES or None)
    import_errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            checked = invitations.read_invitation_list(
                upload.read(invitations.MAX_FILE_BYTES + 1), channel=channel
            )
        except invitations.InvitationFileError as error:
            form.add_error("file", str(error))
        else:
            if checked.errors:
                import_errors = checked.errors
                for row_error in checked.errors:
                    form.add_error("file", row_error.message)
            else:
                created = invitations.import_invitations(
                    channel=channel, actor=request.user, checked=checked
                )
                _report_import(request, len(created), checked)
                return redirect("channel-email", pk=channel.pk)
    all_invitations = channel.invitations.all()
    pending = invitations.pending_invitations(channel).count()
    sent = all_invitations.filter(sent_at__isnull=False).count()
    total = all_invitations.count()
    return render(
        request,
        "outreach/channel_email.html",
        {
            "channel": channel,
            "series": channel.series,
            "form": form,
            "import_errors": import_errors,
            "total": total,
            "sent": sent,
            "pending": pending,
            "stopped": total - sent - pending,
            "link": channels.tracked_url(channel),
        },
    )


def _report_import(request: HttpRequest, created: int, checked: InvitationList) -> None:
    messages.success(
        request,
        ngettext(
            "%(count)s address has been added. It has not been sent yet.",
            "%(count)s addresses have been added. They have not been sent yet.",
            created,
        )
        % {"count": created},
    )
    if checked.opted_out:
        messages.info(
            request,
            ngettext(
                "%(count)s address was left out: this person asked for no more invitation "
                "emails (row %(rows)s).",
                "%(count)s addresses were left out: these people asked for no more invitation "
                "emails (rows %(rows)s).",
                len(checked.opted_out),
            )
            % {"count": len(checked.opted_out), "rows": ", ".join(map(str, checked.opted_out))},
        )
    if checked.already_invited:
        messages.info(
            request,
            ngettext(
                "%(count)s address was already on this list (row %(rows)s).",
                "%(count)s addresses were already on this list (rows %(rows)s).",
                len(checked.already_invited),
            )
            % {
                "count": len(checked.already_invited),
                "rows": ", ".join(map(str, checked.already_invited)),
            },
        )


@require_POST
def channel_send(request: HttpRequest, pk: int) -> HttpResponse:
    channel = _channel(request, pk)
    if channel.kind != Channel.Kind.EMAIL_LIST:
        return redirect("channel-list", pk=channel.series_id)
    queued = invitations.send_invitations(channel=channel, actor=request.user)
    if queued:
        messages.success(
            request,
            ngettext(
                "%(count)s invitation is being sent.",
                "%(count)s invitations are being sent.",
                queued,
            )
            % {"count": queued},
        )
    else:
        messages.info(request, _("There are no invitations left to send."))
    return redirect("channel-email", pk=channel.pk)


# Mail programs post to this link without a form token when someone presses their
# "unsubscribe" button (RFC 8058); the secret token in the address is the protection.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def invitation_opt_out(request: HttpRequest, token: str) -> HttpResponse:
    invitation = invitations.invitation_by_token(token)
    if invitation is None:
        return render(request, "outreach/invitation_unknown.html", status=404)
    organisation = invitation.channel.series.organisation
    if request.method == "POST":
        invitations.opt_out(invitation=invitation)
        return render(request, "outreach/invitation_opted_out.html", {"organisation": organisation})
    return render(
        request,
        "outreach/invitation_opt_out.html",
        {"organisation": organisation, "token": token},
    )


urlpatterns = [
    path("d/<str:code>/", channel_link, name="channel-link"),
    path("beheer/wijkdialogen/<int:pk>/kanalen/", channel_list, name="channel-list"),
    path("beheer/kanalen/<int:pk>/poster.pdf", channel_poster, name="channel-poster"),
    path("beheer/kanalen/<int:pk>/flyer.pdf", channel_flyer, name="channel-flyer"),
    path("beheer/kanalen/<int:pk>/delen/", channel_share, name="channel-share"),
    path("beheer/kanalen/<int:pk>/adressen/", channel_email, name="channel-email"),
    path("beheer/kanalen/<int:pk>/versturen/", channel_send, name="channel-send"),
    path("afmelden/<str:token>/", invitation_opt_out, name="invitation-opt-out"),
]
