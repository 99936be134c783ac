"""The meetings that public lists show, fetched with everything their cards need."""

import datetime

from django.db.models import QuerySet
from django.utils import timezone

from .availability import with_availability
from .models import Meeting

RECENT_PAST_DAYS = 180
RECENT_PAST_COUNT = 6
HOME_COUNT = 12


def _cards(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    return with_availability(
        meetings.select_related("organisation", "series__neighbourhood", "venue")
    )


def published(now: datetime.datetime | None = None) -> QuerySet[Meeting]:
    return Meeting.objects.filter(publish_at__lte=now or timezone.now())


def upcoming_everywhere(now: datetime.datetime | None = None) -> QuerySet[Meeting]:
    """For the home page: what is still to come, across all neighbourhoods."""
    now = now or timezone.now()
    meetings = published(now).filter(ends_at__gt=now, cancelled_at__isnull=True)
    return _cards(meetings).order_by("starts_at", "pk")[:HOME_COUNT]


def for_neighbourhood(neighbourhood, now: datetime.datetime | None = None):
    """(upcoming, recent past) published meetings of one neighbourhood. Cancelled upcoming
    meetings stay in the list, marked, so people who planned to come see it."""
    now = now or timezone.now()
    meetings = published(now).filter(series__neighbourhood=neighbourhood)
    upcoming = _cards(meetings.filter(ends_at__gt=now)).order_by("starts_at", "pk")
    past = _cards(
        meetings.filter(
            ends_at__lte=now,
            ends_at__gte=now - datetime.timedelta(days=RECENT_PAST_DAYS),
            cancelled_at__isnull=True,
        )
    ).order_by("-starts_at", "-pk")[:RECENT_PAST_COUNT]
    return upcoming, past


def for_feed(neighbourhood, now: datetime.datetime | None = None) -> QuerySet[Meeting]:
    """Published meetings of a neighbourhood from a few months back, cancelled ones included so
    calendars that subscribed remove them."""
    now = now or timezone.now()
    return (
        published(now)
        .filter(
            series__neighbourhood=neighbourhood,
            ends_at__gte=now - datetime.timedelta(days=RECENT_PAST_DAYS),
        )
        .select_related("series__neighbourhood", "venue")
        .order_by("starts_at", "pk")
    )
