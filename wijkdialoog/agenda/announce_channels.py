"""The agenda's channels: outreach's tracked links (/d/<code>/) that lead to the vote.

An agenda channel is a `Channel` of the agenda's series plus an `AgendaChannel` row that ties it
to the agenda. Outreach owns the links, posters and figures of invitation channels and asks this
app (through `register_channel_owner`, see apps.py) where an agenda channel's link leads; it
leaves agenda channels out of the series' invitation channels. The tracked link keeps the
channel in the visitor's session (outreach's SESSION_KEY); the voter made on the first vote
remembers it, so the announce page counts voters and votes per channel. Nothing personal.
"""

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from django.db import transaction
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wijkdialoog.core import audit, pdf
from wijkdialoog.dialogues.bilingual import public_text
from wijkdialoog.outreach import channels as outreach
from wijkdialoog.outreach.channels import Actor
from wijkdialoog.outreach.posters import FORMATS
from wijkdialoog.registrations.models import Channel

from .models import Agenda, AgendaChannel, Voter

Kind = Channel.Kind
# The mail to participants goes through the announcement (announcing.py), not an address list.
KINDS = [kind for kind in Kind if kind != Kind.EMAIL_LIST]


def channel_ids() -> QuerySet[Any]:
    """All agenda channels' pks, as a subquery for outreach."""
    return AgendaChannel.objects.values("channel_id")


def destination(channel: Channel) -> str | None:
    """An agenda channel leads to the vote; once the vote has closed, to its public results."""
    agenda = Agenda.objects.filter(channels__channel=channel).first()
    if agenda is None:
        return None
    if agenda.is_closed():
        return reverse("agenda-results", args=[agenda.token])
    return reverse("agenda-vote", args=[agenda.token])


def arrived_through(request: HttpRequest, agenda: Agenda) -> int | None:
    """The channel (pk) whose tracked link brought this visitor, when it is one of the agenda's."""
    pk = request.session.get(outreach.SESSION_KEY)
    if not isinstance(pk, int):
        return None
    found = AgendaChannel.objects.filter(agenda=agenda, channel_id=pk).exists()
    return pk if found else None


def _make(*, agenda: Agenda, actor: Actor, kind: str, label: str, mail: bool) -> AgendaChannel:
    channel = Channel(series=agenda.series, kind=kind, label=label.strip())
    channel.full_clean()
    channel.save()
    made = AgendaChannel.objects.create(agenda=agenda, channel=channel, for_announcement=mail)
    audit.record(
        actor=actor,
        action="agenda.channel_created",
        subject=agenda,
        payload={"channel": channel.pk, "kind": kind, "announcement": mail},
    )
    return made


@transaction.atomic
def create_agenda_channel(
    *, agenda: Agenda, actor: Actor, kind: str, label: str = ""
) -> AgendaChannel:
    if kind not in KINDS:
        raise ValueError(f"An agenda channel cannot be of kind {kind!r}.")
    return _make(agenda=agenda, actor=actor, kind=kind, label=label, mail=False)


def announcement_channel(*, agenda: Agenda, actor: Actor) -> AgendaChannel:
    """The email channel of the announcement mail, made the first time. Call it inside the
    transaction that claims the announcement (announcing.announce_by_mail)."""
    existing = agenda.channels.select_related("channel").filter(for_announcement=True).first()
    if existing is not None:
        return existing
    label = _("Announcement email")
    return _make(agenda=agenda, actor=actor, kind=Kind.EMAIL_LIST, label=label, mail=True)


def announcement_link(agenda: Agenda) -> str | None:
    found = agenda.channels.select_related("channel").filter(for_announcement=True).first()
    return outreach.tracked_url(found.channel) if found is not None else None


@dataclass
class Row:
    voters: int = 0
    votes: int = 0


@dataclass
class AgendaFigures:
    # Each agenda channel with `figures` (a Row) set.
    channels: list[AgendaChannel]
    # Online voters who came without a tracked link (the direct link, a personal link).
    direct: Row = field(default_factory=Row)
    # Paper ballots typed in and voters imported from Polis.
    paper: Row = field(default_factory=Row)
    total: Row = field(default_factory=Row)


def agenda_figures(agenda: Agenda) -> AgendaFigures:
    """Voters and votes per channel, direct and on paper. Two queries."""
    found = list(agenda.channels.select_related("channel").order_by("channel__kind", "pk"))
    figures = AgendaFigures(channels=found)
    by_channel: dict[int, Row] = {item.channel_id: Row() for item in found}
    groups = (
        Voter.objects.filter(agenda=agenda)
        .values("channel_id", "source")
        .annotate(voters=Count("pk", distinct=True), vote_count=Count("votes"))
        .order_by()
    )
    for group in groups:
        if group["source"] != Voter.Source.ONLINE:
            row = figures.paper
        else:
            row = by_channel.get(group["channel_id"], figures.direct)
        row.voters += group["voters"]
        row.votes += group["vote_count"]
        figures.total.voters += group["voters"]
        figures.total.votes += group["vote_count"]
    for item in found:
        item.figures = by_channel[item.channel_id]  # type: ignore[attr-defined]
    return figures


def share_text(item: AgendaChannel) -> str:
    """A short message in plain words to forward to neighbours, with the tracked link."""
    agenda = item.agenda
    lines = [
        _("What should come first in %(neighbourhood)s? Vote on the wijkagenda “%(title)s”.")
        % {
            "neighbourhood": agenda.series.neighbourhood.name,
            "title": public_text(agenda, "title"),
        },
        _("Say agree, disagree or pass on short statements: on your phone, without an account."),
    ]
    if agenda.closes_at is not None:
        closes = timezone.localtime(agenda.closes_at)
        lines.append(
            _("You can vote until %(when)s.") % {"when": formats.date_format(closes, "l j F")}
        )
    lines.append(_("Vote here: %(link)s") % {"link": outreach.tracked_url(item.channel)})
    return "\n".join(lines)


def whatsapp_url(text: str) -> str:
    return "https://wa.me/?text=" + quote(text, safe="")


def render_pdf(item: AgendaChannel, *, format: str) -> bytes:
    """The A4 poster or A5 flyer of an agenda channel in the active language, with a QR code of
    its tracked link."""
    agenda = item.agenda
    series = agenda.series
    link = outreach.tracked_url(item.channel)
    return pdf.render(
        "agenda/announce_poster.html",
        {
            "format": format,
            "size": FORMATS[format],
            "agenda": agenda,
            "title": public_text(agenda, "title"),
            "series": series,
            "neighbourhood": series.neighbourhood,
            "organisation": series.organisation,
            "link": link,
            "readable_link": outreach.readable_url(item.channel),
            "qr": pdf.qr_data_uri(link),
        },
    )


def filename(item: AgendaChannel, *, format: str) -> str:
    return f"{format}-{slugify(item.agenda.title) or 'wijkagenda'}-{item.channel.code}.pdf"
