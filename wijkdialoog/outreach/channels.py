"""Invitation channels: each has a tracked link (/d/<code>/) so an organiser sees which way of
inviting brings people in. Named domain functions and the figures per channel."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from wijkdialoog.community.models import User
from wijkdialoog.core import audit
from wijkdialoog.dialogues.bilingual import public_text
from wijkdialoog.dialogues.models import Meeting, Series
from wijkdialoog.registrations.models import Channel, Registration

from .models import Invitation

# Who does it: someone logged in, or nobody (the demo, a task).
Actor = User | AnonymousUser | None

# The registration feature reads the channel a visitor came through from this session key.
SESSION_KEY = "wijkdialoog_channel"

# Which tools an organiser gets for each kind of channel.
PRINT_KINDS = {
    Channel.Kind.POSTER,
    Channel.Kind.FLYER,
    Channel.Kind.DOOR_TO_DOOR,
    Channel.Kind.OTHER,
}
SHARE_KINDS = {
    Channel.Kind.SHARE,
    Channel.Kind.PARTNER_NEWSLETTER,
    Channel.Kind.PERSONAL,
    Channel.Kind.OTHER,
}


def tracked_url(channel: Channel) -> str:
    """The absolute link that counts people who came in through this channel."""
    return str(settings.SITE_URL) + reverse("channel-link", args=[channel.code])


def readable_url(channel: Channel) -> str:
    """The tracked link as people type it from paper: without http(s)://."""
    return tracked_url(channel).split("://", 1)[-1]


@dataclass(frozen=True)
class ChannelOwner:
    """A higher app that makes channels for a page of its own (the wijkagenda's vote): its
    channels lead there and stay out of the series' invitation channels and their figures."""

    # The pks of its channels, as a subquery (`.values("channel_id")`).
    channel_ids: Callable[[], QuerySet[Any]]
    # Where one of its channels leads, or None for a channel that is not its own.
    destination: Callable[[Channel], str | None]


_owners: dict[str, ChannelOwner] = {}


def register_channel_owner(
    name: str,
    *,
    channel_ids: Callable[[], QuerySet[Any]],
    destination: Callable[[Channel], str | None],
) -> None:
    """Called from a higher app's `AppConfig.ready()`; registering a name again replaces it."""
    _owners[name] = ChannelOwner(channel_ids=channel_ids, destination=destination)


def owned_elsewhere(field: str = "pk") -> Q:
    """Matches channels (through `field`) that a higher app owns."""
    condition = Q()
    for owner in _owners.values():
        condition |= Q(**{f"{field}__in": owner.channel_ids()})
    return condition


def destination(channel: Channel) -> str:
    """Where the tracked link leads: where the app that owns the channel says; otherwise the
    channel's meeting while it is still to come, or else the neighbourhood's page."""
    for owner in _owners.values():
        address = owner.destination(channel)
        if address is not None:
            return address
    meeting = channel.meeting
    if meeting is not None and meeting.cancelled_at is None and meeting.ends_at > timezone.now():
        return reverse("meeting-public", args=[meeting.pk])
    neighbourhood = channel.series.neighbourhood
    return reverse(
        "neighbourhood-public", args=[neighbourhood.organisation.slug, neighbourhood.slug]
    )


def channel_by_code(code: str) -> Channel | None:
    return (
        Channel.objects.select_related("series__organisation", "series__neighbourhood", "meeting")
        .filter(code=code.strip().lower())
        .first()
    )


def attributed_channel(request: HttpRequest, meeting: Meeting) -> Channel | None:
    """The channel that brought this visitor to `meeting`: from ?via=<code> or from the session
    (set by the tracked link), only when it belongs to the meeting's series."""
    code = request.GET.get("via", "").strip()
    if code:
        channel = channel_by_code(code)
        if channel is not None and channel.series_id == meeting.series_id:
            return channel
    pk = request.session.get(SESSION_KEY)
    if isinstance(pk, int):
        return (
            Channel.objects.filter(pk=pk, series_id=meeting.series_id)
            .exclude(owned_elsewhere())
            .first()
        )
    return None


def next_meeting(series: Series) -> Meeting | None:
    """The first published meeting of the series that has not ended and is not cancelled."""
    now = timezone.now()
    return (
        series.meetings.select_related("venue")
        .filter(cancelled_at__isnull=True, publish_at__lte=now, ends_at__gt=now)
        .order_by("starts_at", "pk")
        .first()
    )


def meeting_for(channel: Channel) -> Meeting | None:
    """The meeting a poster, flyer or share text of this channel invites people to."""
    if channel.meeting_id is not None:
        return channel.meeting
    return next_meeting(channel.series)


def when_text(meeting: Meeting) -> str:
    """“Saturday 14 March, 14:00 to 16:30” in the active language and the local time zone."""
    starts = timezone.localtime(meeting.starts_at)
    ends = timezone.localtime(meeting.ends_at)
    return _("%(day)s, %(start)s to %(end)s") % {
        "day": formats.date_format(starts, "l j F"),
        "start": formats.time_format(starts, "H:i"),
        "end": formats.time_format(ends, "H:i"),
    }


def share_text(channel: Channel) -> str:
    """A short message in plain words that people forward to neighbours, with the tracked link."""
    series = channel.series
    meeting = meeting_for(channel)
    lines = [
        _("Come and join us: a wijkdialoog in %(neighbourhood)s about “%(theme)s”.")
        % {"neighbourhood": series.neighbourhood.name, "theme": public_text(series, "theme")},
        _("We talk with neighbours about what is good in our neighbourhood, and what we can do."),
    ]
    if meeting is not None:
        place = meeting.venue.name if meeting.venue is not None else ""
        if place:
            lines.append(
                _("When: %(when)s. Where: %(place)s.")
                % {"when": when_text(meeting), "place": place}
            )
        else:
            lines.append(_("When: %(when)s.") % {"when": when_text(meeting)})
    lines.append(_("It is free. Sign up here: %(link)s") % {"link": tracked_url(channel)})
    return "\n".join(lines)


def whatsapp_url(text: str) -> str:
    return "https://wa.me/?text=" + quote(text, safe="")


_ACTIVE_STATUSES = [Registration.Status.CONFIRMED, Registration.Status.WAITING]


def _count(model: type[Registration] | type[Invitation], **filters: Any) -> Coalesce:
    """A subquery counting `model` rows of the outer channel, so a list needs no query per row."""
    rows = (
        model.objects.filter(channel=OuterRef("pk"), **filters)
        .order_by()
        .values("channel")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def channels_with_figures(series: Series) -> QuerySet[Channel]:
    """The invitation channels of a series (not those a higher app owns), each with `registered`
    (not cancelled), `came` (checked in), `invited` and `sent` (email lists)."""
    return (
        series.channels.select_related("meeting")
        .exclude(owned_elsewhere())
        .annotate(
            registered=_count(Registration, status__in=_ACTIVE_STATUSES),
            came=_count(Registration, checked_in_at__isnull=False),
            invited=_count(Invitation),
            sent=_count(Invitation, sent_at__isnull=False),
        )
        .order_by("kind", "label", "pk")
    )


@dataclass
class SeriesFigures:
    channels: list[Channel]
    registered: int
    came: int
    # Registrations of this series that came in without an invitation channel (directly, by
    # phone, or after a link of a channel a higher app owns).
    untracked_registered: int
    untracked_came: int

    @property
    def total_registered(self) -> int:
        return self.registered + self.untracked_registered

    @property
    def total_came(self) -> int:
        return self.came + self.untracked_came


def series_figures(series: Series) -> SeriesFigures:
    """Per channel and in total: how many registered and how many came. Two queries."""
    channels = list(channels_with_figures(series))
    untracked = Registration.objects.filter(
        Q(channel__isnull=True) | owned_elsewhere("channel_id"), meeting__series=series
    ).aggregate(
        registered=Count("pk", filter=Q(status__in=_ACTIVE_STATUSES)),
        came=Count("pk", filter=Q(checked_in_at__isnull=False)),
    )
    return SeriesFigures(
        channels=channels,
        # Both annotated by channels_with_figures.
        registered=sum(c.registered for c in channels),  # type: ignore[attr-defined]
        came=sum(c.came for c in channels),  # type: ignore[attr-defined]
        untracked_registered=untracked["registered"],
        untracked_came=untracked["came"],
    )


@transaction.atomic
def create_channel(
    *, series: Series, actor: Actor, kind: str, label: str = "", meeting: Meeting | None = None
) -> Channel:
    if meeting is not None and meeting.series_id != series.pk:
        raise ValueError("The meeting of a channel must belong to its series.")
    channel = Channel(series=series, kind=kind, label=label.strip(), meeting=meeting)
    channel.full_clean()
    channel.save()
    audit.record(
        actor=actor,
        action="channel.created",
        subject=channel,
        payload={"kind": kind, "meeting": meeting.pk if meeting else None},
    )
    return channel
