"""A resident registers on a cheap phone without an account, gets the confirmation with a calendar
file, and cancels with the personal link; the first person on the waiting list moves up."""

import re

import icalendar
from django.core import mail

from tests.builders import make_meeting, sign_up
from wijkdialoog.registrations.models import Registration

LINK = re.compile(r"https?://\S+")
PHONE_WIDTH = 360


def test_a_resident_registers_on_a_phone_and_cancels_so_the_waiting_list_moves_up(
    phone, neighbourhood
):
    meeting = make_meeting(neighbourhood, seats=(4,))
    for name in ["Anna", "Bert", "Cor"]:
        sign_up(meeting, name)
    mail.outbox.clear()

    phone.goto(f"/bijeenkomst/{meeting.pk}/")
    phone.click_and_wait("#register-button")
    assert phone.path() == f"/bijeenkomst/{meeting.pk}/aanmelden/"
    assert phone.locator("#places-left").count() == 1

    # A first try without a way to reach her: the message sits next to the field, the name stays.
    phone.fill("#id_first_name", "Fatma")
    phone.check("#id_consent")
    phone.click_and_wait("form.wd-form button[type=submit]")
    assert phone.locator("#id_email_error").count() == 1
    assert phone.locator("#id_first_name").input_value() == "Fatma"
    assert phone.locator("#id_email").get_attribute("aria-invalid") == "true"

    phone.fill("#id_email", "fatma@example.org")
    phone.click("#questions summary")  # the optional questions are folded until tapped
    phone.check("#id_age_group_2")
    phone.fill("#id_access_needs", "Een stoel met armleuningen")
    if not phone.locator("#id_consent").is_checked():
        phone.check("#id_consent")
    phone.click_and_wait("form.wd-form button[type=submit]")

    registration = Registration.objects.get(person__email="fatma@example.org")
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.access_needs == "Een stoel met armleuningen"
    # With an email address the screen shows nothing of the record: the mail carries it.
    assert phone.path() == f"/bijeenkomst/{meeting.pk}/aanmelden/verstuurd/"
    assert phone.locator("#registration-sent").count() == 1
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH

    (confirmation,) = mail.outbox
    assert confirmation.to == ["fatma@example.org"]
    assert registration.check_in_code in confirmation.body
    (attachment,) = confirmation.attachments
    content = attachment.content
    calendar = icalendar.Calendar.from_ical(
        content.encode() if isinstance(content, str) else content
    )
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == meeting.starts_at

    # The meeting is full now; the next person waits.
    waiting = sign_up(meeting, "Gijs")
    assert waiting.status == Registration.Status.WAITING
    mail.outbox.clear()

    [manage_link] = [url for url in LINK.findall(confirmation.body) if "/aanmelding/" in url]
    phone.goto(manage_link)
    assert phone.locator("#registration-status").get_attribute("data-status") == "confirmed"
    phone.click_and_wait("#cancel-link")
    assert phone.path() == f"/aanmelding/{registration.manage_token}/afmelden/"
    phone.click_and_wait("#confirm-cancel")

    assert phone.path() == f"/aanmelding/{registration.manage_token}/"
    assert phone.locator("#registration-status").get_attribute("data-status") == "cancelled"
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["fatma@example.org", "gijs@example.org"]
    promotion = next(m for m in mail.outbox if m.to == ["gijs@example.org"])
    assert promotion.attachments
