import datetime

from django.utils import timezone
from icalendar import Calendar

from tests.builders import make_meeting, make_series, make_venue
from wijkdialoog.dialogues.calendar import calendar_ics, meeting_ics


def _events(data: bytes):
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_a_meeting_file_parses_with_one_event_in_utc(neighbourhood, organisation):
    venue = make_venue(organisation)
    meeting = make_meeting(make_series(neighbourhood), venue=venue)

    calendar = Calendar.from_ical(meeting_ics(meeting))
    (event,) = _events(meeting_ics(meeting))

    assert calendar["VERSION"] == "2.0"
    assert "Wijkdialoog" in str(calendar["PRODID"])
    assert str(event["UID"]) == f"meeting-{meeting.pk}@wijkdialoog"
    assert event.decoded("DTSTART") == meeting.starts_at
    assert event.decoded("DTSTART").utcoffset() == datetime.timedelta(0)
    assert event.decoded("DTEND") == meeting.ends_at
    assert str(event["SUMMARY"]) == meeting.display_title
    assert "Buurthuis De Kers" in str(event["LOCATION"])
    assert "Kersenplein 3" in str(event["LOCATION"])
    url = f"http://testserver/bijeenkomst/{meeting.pk}/"
    assert str(event["URL"]) == url
    assert url in str(event["DESCRIPTION"])
    assert "Koffie, thee" in str(event["DESCRIPTION"])
    assert "DTSTAMP" in event
    assert str(event["STATUS"]) == "CONFIRMED"


def test_a_cancelled_meeting_has_the_cancelled_status(neighbourhood):
    meeting = make_meeting(make_series(neighbourhood), cancelled_at=timezone.now())

    (event,) = _events(meeting_ics(meeting))

    assert str(event["STATUS"]) == "CANCELLED"
    assert "LOCATION" not in event


def test_a_feed_holds_every_meeting_and_its_name(neighbourhood):
    series = make_series(neighbourhood)
    first, second = make_meeting(series, days=5), make_meeting(series, days=40)

    data = calendar_ics([first, second], name="Kersenbuurt")
    calendar = Calendar.from_ical(data)

    assert str(calendar["X-WR-CALNAME"]) == "Kersenbuurt"
    uids = [str(e["UID"]) for e in _events(data)]
    assert uids == [f"meeting-{first.pk}@wijkdialoog", f"meeting-{second.pk}@wijkdialoog"]


def test_the_uid_stays_the_same_after_an_edit(neighbourhood):
    meeting = make_meeting(make_series(neighbourhood))
    before = str(_events(meeting_ics(meeting))[0]["UID"])

    meeting.title = "Nieuwe titel"
    meeting.save()

    assert str(_events(meeting_ics(meeting))[0]["UID"]) == before
