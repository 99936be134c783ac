"""iCalendar files for meetings: one meeting to download or attach to a mail, and a feed of many.

Callers render inside `translation.override(...)` when the text should be in someone's language.
"""

import datetime
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from icalendar import Calendar, Event

from .bilingual import public_text
from .models import Meeting

PRODID = "-//Wijkdialoog//Wijkdialoog//NL"


def meeting_uid(meeting: Meeting) -> str:
    """Stable across edits, so calendar apps update the event instead of adding a second one."""
    return f"meeting-{meeting.pk}@wijkdialoog"


def meeting_public_url(meeting: Meeting) -> str:
    return settings.SITE_URL + reverse("meeting-public", args=[meeting.pk])


def _utc(moment: datetime.datetime) -> datetime.datetime:
    return moment.astimezone(datetime.UTC)


def _location(meeting: Meeting) -> str:
    venue = meeting.venue
    if venue is None:
        return ""
    return ", ".join(part for part in [venue.name, venue.address] if part)


def _description(meeting: Meeting, url: str) -> str:
    parts = [str(public_text(meeting.series, "theme"))]
    expect = public_text(meeting, "what_to_expect")
    if expect:
        parts.append(str(expect))
    parts.append(gettext("More information: %(url)s") % {"url": url})
    return "\n\n".join(parts)


def _event(meeting: Meeting, stamp: datetime.datetime) -> Event:
    url = meeting_public_url(meeting)
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("dtstamp", stamp)
    event.add("dtstart", _utc(meeting.starts_at))
    event.add("dtend", _utc(meeting.ends_at))
    event.add("summary", meeting.display_title)
    location = _location(meeting)
    if location:
        event.add("location", location)
    event.add("description", _description(meeting, url))
    event.add("url", url)
    # Calendar apps use the sequence to know which version of an edited event is newest.
    event.add("sequence", int(meeting.updated_at.timestamp()) if meeting.updated_at else 0)
    if meeting.cancelled_at is not None:
        event.add("status", "CANCELLED")
    else:
        event.add("status", "CONFIRMED")
    return event


def _calendar(name: str | None = None) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("name", name)
    return calendar


def meeting_ics(meeting: Meeting) -> bytes:
    """A calendar with the one meeting, for a download or a mail attachment."""
    calendar = _calendar()
    calendar.add("method", "PUBLISH")
    calendar.add_component(_event(meeting, _utc(timezone.now())))
    return calendar.to_ical()


def meeting_cancel_ics(meeting: Meeting) -> bytes:
    """Takes the meeting out of someone's calendar (RFC 5546 METHOD:CANCEL): the same UID as the
    file of the confirmation, so calendar apps remove that event, with a newer sequence."""
    stamp = _utc(timezone.now())
    event = _event(meeting, stamp)
    event.pop("status")
    event.add("status", "CANCELLED")
    sequence = max(int(event["sequence"]), int(stamp.timestamp()))  # type: ignore[arg-type]
    event.pop("sequence")
    event.add("sequence", sequence)
    calendar = _calendar()
    calendar.add("method", "CANCEL")
    calendar.add_component(event)
    return calendar.to_ical()


# Higher apps add events of their own to a neighbourhood's feed (such as followup's
# celebrations): a function of the neighbourhood that returns icalendar Events. Registered from
# their AppConfig.ready(); registering the same key again replaces it.
FeedEvents = Callable[[Any], Iterable[Event]]
_feed_events: dict[str, FeedEvents] = {}


def register_feed_events(key: str, events: FeedEvents) -> None:
    _feed_events[key] = events


def unregister_feed_events(key: str) -> None:
    _feed_events.pop(key, None)


def extra_feed_events(neighbourhood: Any) -> list[Event]:
    return [event for key in sorted(_feed_events) for event in _feed_events[key](neighbourhood)]


def calendar_ics(meetings: Iterable[Meeting], *, name: str, extra: Iterable[Event] = ()) -> bytes:
    """A calendar with many meetings, such as a neighbourhood's public feed, and any events
    higher apps add to it."""
    calendar = _calendar(name)
    stamp = _utc(timezone.now())
    for meeting in meetings:
        calendar.add_component(_event(meeting, stamp))
    for event in extra:
        calendar.add_component(event)
    return calendar.to_ical()
