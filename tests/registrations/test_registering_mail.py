"""Mail about a registration: in the registrant's language, with the calendar file, the code and
the personal link."""

import datetime

import icalendar
import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.formats import date_format

from tests.builders import make_meeting, sign_up
from wijkdialoog.registrations import registering


@pytest.fixture
def meeting(neighbourhood):
    """A published meeting in ten days with one table of four seats."""
    return make_meeting(neighbourhood, seats=(4,))


def weekday(moment, language) -> str:
    with translation.override(language):
        return date_format(timezone.localtime(moment), "l j F Y")


def calendar_of(message) -> icalendar.Calendar:
    (attachment,) = message.attachments
    assert attachment.mimetype == "text/calendar"
    content = attachment.content
    return icalendar.Calendar.from_ical(content.encode() if isinstance(content, str) else content)


def test_the_confirmation_has_a_calendar_file_that_calendar_apps_can_read(meeting):
    sign_up(meeting, "Anna")

    (message,) = mail.outbox
    calendar = calendar_of(message)
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == meeting.starts_at
    assert event.decoded("dtend") == meeting.ends_at
    assert str(event["uid"]) == f"meeting-{meeting.pk}@wijkdialoog"
    assert "Buurthuis De Kers" in str(event["location"])


def test_the_confirmation_has_the_code_the_personal_link_and_the_venue(meeting):
    anna = sign_up(meeting, "Anna", companions=["Bert"])

    (message,) = mail.outbox
    bert = anna.companions.get()
    link = f"http://testserver/aanmelding/{anna.manage_token}/"
    html = message.alternatives[0].content
    for body in (message.body, html):
        assert anna.check_in_code in body
        assert bert.check_in_code in body
        assert link in body
        assert "Kersenplein 3" in body
        assert "Bus 15, halte Kersenplein" in body
    assert message.to == ["anna@example.org"]


def test_mail_is_written_in_the_language_the_person_registered_in(meeting):
    sign_up(meeting, "Anna", language="nl")
    sign_up(meeting, "Iris", language="en")

    dutch, english = mail.outbox
    assert weekday(meeting.starts_at, "nl") in dutch.body
    assert weekday(meeting.starts_at, "en") in english.body
    assert weekday(meeting.starts_at, "en") not in dutch.body
    assert '<html lang="nl">' in dutch.alternatives[0].content
    assert '<html lang="en">' in english.alternatives[0].content


def test_the_text_mail_does_not_escape_names(meeting):
    sign_up(meeting, "D'Arcy", email="darcy@example.org")

    assert "D'Arcy" in mail.outbox[0].body


def test_the_waiting_list_mail_has_no_calendar_file_and_a_place_in_line(meeting):
    for name in ["Anna", "Bert", "Cor", "Dirk"]:
        sign_up(meeting, name)
    mail.outbox.clear()

    eva = sign_up(meeting, "Eva")

    (message,) = mail.outbox
    assert message.attachments == []
    assert f"http://testserver/aanmelding/{eva.manage_token}/" in message.body
    assert eva.check_in_code not in message.body


def test_the_promotion_mail_has_the_calendar_file_and_the_code(meeting):
    anna, *_ = [sign_up(meeting, name) for name in ["Anna", "Bert", "Cor", "Dirk"]]
    eva = sign_up(meeting, "Eva", language="en")
    mail.outbox.clear()

    registering.cancel(registration=anna)

    promotion = next(m for m in mail.outbox if m.to == ["eva@example.org"])
    assert calendar_of(promotion).walk("VEVENT")
    assert eva.check_in_code in promotion.body
    assert weekday(meeting.starts_at, "en") in promotion.body


def test_the_cancellation_mail_links_back_to_the_meeting_page(meeting):
    anna = sign_up(meeting, "Anna")
    mail.outbox.clear()

    registering.cancel(registration=anna)

    (message,) = mail.outbox
    assert message.to == ["anna@example.org"]
    assert f"http://testserver/bijeenkomst/{meeting.pk}/" in message.body


def test_nobody_is_mailed_when_registered_by_phone_without_an_email_address(meeting):
    registration = registering.register(meeting=meeting, first_name="Henk", phone="0612345678")
    registering.cancel(registration=registration)

    assert mail.outbox == []


def test_the_calendar_file_is_in_the_registrants_language_too(meeting):
    meeting.starts_at += datetime.timedelta(minutes=0)
    sign_up(meeting, "Iris", language="en")

    (event,) = calendar_of(mail.outbox[0]).walk("VEVENT")
    assert f"http://testserver/bijeenkomst/{meeting.pk}/" in str(event["description"])
