"""Every mail of every app reads as plain words in both languages (no Python list notation) and
uses the website's words; a cancellation mail takes the meeting out of the calendar again."""

from pathlib import Path
from types import SimpleNamespace

import icalendar
import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from tests.builders import make_meeting, sign_up
from wijkdialoog.core.mail import render_mail
from wijkdialoog.dialogues.planning import cancel_meeting
from wijkdialoog.registrations import registering
from wijkdialoog.registrations.registering import active_companions

APPS = Path(__file__).resolve().parents[2] / "wijkdialoog"
MAIL_TEMPLATES = sorted(
    str(path.relative_to(path.parents[3])).removesuffix("_subject.txt").split("templates/", 1)[1]
    for path in APPS.glob("*/templates/*/mail/*_subject.txt")
)


@pytest.fixture
def meeting(neighbourhood):
    """Ten days ahead, at a venue with a step-free entrance and a hearing loop."""
    return make_meeting(neighbourhood, seats=(4,))


def every_mail_context(meeting, organiser) -> dict:
    """One context that every mail template can draw from, built from real objects."""
    anna = sign_up(meeting, "Anna", companions=["Bert"])
    organisation = meeting.series.neighbourhood.organisation
    return {
        "person": anna.person,
        "registration": anna,
        "meeting": meeting,
        "venue": meeting.venue,
        "series": meeting.series,
        "organisation": organisation,
        "companions": active_companions(anna),
        "membership": organiser,
        "invitation": SimpleNamespace(first_name="Anna"),
        "waiting_position": 2,
        "minutes": 15,
        "weeks": 8,
        "link": "http://testserver/link/",
        "opt_out_link": "http://testserver/stop/",
        "manage_url": "http://testserver/manage/",
        "public_url": "http://testserver/meeting/",
        "neighbourhood_url": "http://testserver/buurt/",
        "series_theme": meeting.series.theme,
        "themes": [SimpleNamespace(name="Samen groen", description="Meer groen in de straat.")],
        "report_url": "http://testserver/verslag/",
    }


def test_the_mail_templates_of_every_app_are_all_found():
    assert "registrations/mail/confirmed" in MAIL_TEMPLATES
    assert "community/mail/magic_link" in MAIL_TEMPLATES
    assert len(MAIL_TEMPLATES) >= 9


@pytest.mark.parametrize("template", MAIL_TEMPLATES)
@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_mail_prints_python_notation(template, language, meeting, organiser):
    message = render_mail(
        to="anna@example.org",
        template=template,
        context=every_mail_context(meeting, organiser),
        language=language,
    )
    html = message.alternatives[0].content
    for text in (message.subject, message.body, html):
        for python in ("[", "]", "__proxy__", "<django.", "None"):
            assert python not in text, f"{template} ({language}) prints {python!r}"


def test_the_mail_lists_the_venues_facts_in_the_words_of_the_website(meeting):
    with translation.override("nl"):
        sign_up(meeting, "Anna", language="nl")
        words = [gettext("Entrance without steps"), gettext("Hearing loop")]

    (message,) = mail.outbox
    for fact in words:
        assert f"- {fact}\n" in message.body
        assert fact in message.alternatives[0].content
    assert gettext("Accessible toilet") not in message.body


def cancellation_event(message):
    (attachment,) = message.attachments
    content = attachment.content
    calendar = icalendar.Calendar.from_ical(
        content.encode() if isinstance(content, str) else content
    )
    assert attachment.mimetype == "text/calendar"
    assert str(calendar["method"]) == "CANCEL"
    (event,) = calendar.walk("VEVENT")
    assert str(event["status"]) == "CANCELLED"
    return event


def confirmation_event(message):
    (attachment,) = message.attachments
    content = attachment.content
    calendar = icalendar.Calendar.from_ical(
        content.encode() if isinstance(content, str) else content
    )
    (event,) = calendar.walk("VEVENT")
    return event


def test_cancelling_a_registration_mails_a_calendar_cancel_for_the_same_event(meeting):
    anna = sign_up(meeting, "Anna")
    confirmation = confirmation_event(mail.outbox[0])
    mail.outbox.clear()

    registering.cancel(registration=anna)

    (message,) = mail.outbox
    event = cancellation_event(message)
    assert str(event["uid"]) == str(confirmation["uid"])
    assert int(event["sequence"]) >= int(confirmation["sequence"])
    assert event.decoded("dtstart") == meeting.starts_at


def test_a_cancelled_meeting_mails_everyone_a_calendar_cancel(
    meeting, organiser, django_capture_on_commit_callbacks
):
    sign_up(meeting, "Anna")
    sign_up(meeting, "Bert")
    uid = str(confirmation_event(mail.outbox[0])["uid"])
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        cancel_meeting(meeting=meeting, actor=organiser.person.user, reason="")

    assert sorted(message.to[0] for message in mail.outbox) == [
        "anna@example.org",
        "bert@example.org",
    ]
    for message in mail.outbox:
        assert str(cancellation_event(message)["uid"]) == uid
