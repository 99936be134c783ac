"""A resident without email signs up on a phone, keeps the personal link (QR code and slip), and
later adds an email address that counts only after she confirms it from that address."""

import re

from django.core import mail

from tests.builders import make_meeting
from wijkdialoog.registrations.models import Registration

PHONE_WIDTH = 360
CONFIRM = re.compile(r"https?://[^/\s]+(/email-bevestigen/\S+/)")


def test_a_resident_without_email_keeps_her_link_and_adds_an_email_later(phone, neighbourhood):
    meeting = make_meeting(neighbourhood, seats=(8,))

    phone.goto(f"/bijeenkomst/{meeting.pk}/aanmelden/")
    phone.fill("#id_first_name", "Fatma")
    phone.fill("#id_phone", "06 1234 5678")
    phone.check("#id_consent")
    phone.click_and_wait("form.wd-form button[type=submit]")

    registration = Registration.objects.get()
    assert phone.path() == f"/aanmelding/{registration.manage_token}/klaar/"
    assert phone.locator("#keep-link").is_visible()
    assert phone.locator("#manage-qr").is_visible()
    assert registration.manage_token in phone.locator("#manage-url").inner_text()
    assert phone.locator("#calendar-link").count() == 1
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH
    slip = phone.request.get(phone.url(phone.locator("#slip-link").get_attribute("href")))
    assert slip.headers["content-type"] == "application/pdf"

    phone.goto(f"/aanmelding/{registration.manage_token}/")
    phone.fill("#contact-form #id_email", "fatma@example.org")
    phone.click_and_wait("#contact-form button[type=submit]")
    registration.person.refresh_from_db()
    assert registration.person.email == ""

    (message,) = mail.outbox
    [link] = CONFIRM.findall(message.body)
    phone.goto(link)
    phone.click_and_wait("#confirm-email")

    assert phone.path() == f"/aanmelding/{registration.manage_token}/"
    registration.person.refresh_from_db()
    assert registration.person.email == "fatma@example.org"
