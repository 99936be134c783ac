"""An Atom feed of the public progress of a neighbourhood (issue 11, item 8): every update of a
public agreement or a public initiative, newest first. Built on Django's syndication framework."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import linebreaks
from django.utils.translation import gettext as _
from icalendar import Event

from wijkdialoog.community.models import Neighbourhood
from wijkdialoog.dialogues.models import Meeting

from .models import AgreementUpdate, Initiative, InitiativeUpdate

FEED_ITEMS = 30


@dataclass(frozen=True)
class FeedItem:
    guid: str
    title: str
    text: str
    link: str
    at: datetime.datetime


def _agreement_items(place: Neighbourhood, base: str) -> list[FeedItem]:
    updates = (
        AgreementUpdate.objects.filter(
            agreement__series__neighbourhood=place, agreement__is_public=True
        )
        .exclude(text="", status="")
        .select_related("agreement")
        .order_by("-created_at", "-pk")[:FEED_ITEMS]
    )
    return [
        FeedItem(
            guid=f"agreement-update-{update.pk}",
            title=(
                f"{update.agreement.public_title}: {update.get_status_display()}"
                if update.status
                else str(update.agreement.public_title)
            ),
            text=update.text,
            link=f"{base}#progress-agreement-{update.agreement_id}",
            at=update.created_at,
        )
        for update in updates
    ]


def _initiative_items(place: Neighbourhood) -> list[FeedItem]:
    updates = (
        InitiativeUpdate.objects.filter(
            initiative__series__neighbourhood=place, initiative__is_public=True
        )
        .select_related("initiative")
        .order_by("-created_at", "-pk")[:FEED_ITEMS]
    )
    return [
        FeedItem(
            guid=f"initiative-update-{update.pk}",
            title=update.initiative.name,
            text=update.text,
            link=reverse(
                "initiative-public",
                args=[place.organisation.slug, place.slug, update.initiative_id],
            ),
            at=update.created_at,
        )
        for update in updates
    ]


class ProgressFeed(Feed):  # type: ignore[type-arg]
    feed_type = Atom1Feed

    def get_object(self, request: Any, organisation: str, neighbourhood: str) -> Neighbourhood:
        return get_object_or_404(
            Neighbourhood.objects.select_related("organisation"),
            organisation__slug=organisation,
            slug=neighbourhood,
        )

    def title(self, obj: Neighbourhood) -> str:
        return _("What happened with the plans for %(name)s") % {"name": obj.name}

    def link(self, obj: Neighbourhood) -> str:
        return reverse("neighbourhood-public", args=[obj.organisation.slug, obj.slug])

    def subtitle(self, obj: Neighbourhood) -> str:
        return _("Updates of the neighbourhood agreements and initiatives in %(name)s.") % {
            "name": obj.name
        }

    def items(self, obj: Neighbourhood) -> list[FeedItem]:
        base = self.link(obj)
        items = _agreement_items(obj, base) + _initiative_items(obj)
        return sorted(items, key=lambda item: item.at, reverse=True)[:FEED_ITEMS]

    def item_title(self, item: FeedItem) -> str:
        return item.title

    def item_description(self, item: FeedItem) -> str:
        return linebreaks(item.text, autoescape=True)

    def item_link(self, item: FeedItem) -> str:
        return item.link

    def item_guid(self, item: FeedItem) -> str:
        return item.guid

    def item_guid_is_permalink(self, item: FeedItem) -> bool:
        return False

    def item_pubdate(self, item: FeedItem) -> datetime.datetime:
        return item.at

    def item_updateddate(self, item: FeedItem) -> datetime.datetime:
        return item.at


# --- Celebrations in the neighbourhood's iCal feed (dialogues/calendar.py's extension point) ---


def _celebration_event(initiative: Initiative, stamp: datetime.datetime) -> Event:
    place = initiative.series.neighbourhood
    event = Event()
    event.add("uid", f"initiative-{initiative.pk}-celebration@wijkdialoog")
    event.add("dtstamp", stamp)
    event.add("summary", _("Celebration: %(name)s") % {"name": initiative.name})
    meeting = initiative.celebration_meeting
    if meeting is not None:
        event.add("dtstart", meeting.starts_at.astimezone(datetime.UTC))
        event.add("dtend", meeting.ends_at.astimezone(datetime.UTC))
    else:
        day = timezone.localtime(initiative.celebrated_at).date()
        event.add("dtstart", day)
        event.add("dtend", day + datetime.timedelta(days=1))
    url = settings.SITE_URL + reverse(
        "initiative-public", args=[place.organisation.slug, place.slug, initiative.pk]
    )
    event.add("url", url)
    event.add("description", initiative.celebration_story or initiative.what)
    event.add("status", "CONFIRMED")
    return event


def celebration_events(neighbourhood: Neighbourhood) -> list[Event]:
    """Public initiatives celebrated at a (published, not cancelled) meeting or on a date. A
    celebration meeting (kind viering) that the feed lists already is the event: the
    initiative's own event would show the same party twice in a calendar."""
    from wijkdialoog.dialogues.listings import for_feed, published

    listed_parties = for_feed(neighbourhood).filter(kind=Meeting.Kind.CELEBRATION)
    initiatives = (
        Initiative.objects.filter(series__neighbourhood=neighbourhood, is_public=True)
        .filter(
            Q(celebration_meeting__in=published().filter(cancelled_at__isnull=True))
            | Q(celebration_meeting__isnull=True, celebrated_at__isnull=False)
        )
        .exclude(celebration_meeting__in=listed_parties)
        .select_related("celebration_meeting", "series__organisation", "series__neighbourhood")
        .order_by("pk")
    )
    stamp = timezone.now().astimezone(datetime.UTC)
    return [_celebration_event(initiative, stamp) for initiative in initiatives]
