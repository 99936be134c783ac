"""Residents change their first name, email address and phone number through their personal link;
a new email address counts only once confirmed from it. Without email the done page gives the
personal link as a QR code and a printable slip (issue 7, item 9)."""

import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from tests.builders import make_meeting, make_person, sign_up
from tests.pdfs import page_size, pdf_info, pdf_text, qr_codes
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.registrations import registering
from wijkdialoog.registrations.tasks import manage_url

LINK = re.compile(r"https?://testserver(/\S+)")


@pytest.fixture
def meeting(neighbourhood):
    return make_meeting(neighbourhood, seats=(8,))


@pytest.fixture
def anna(meeting):
    registration = sign_up(meeting, "Anna", email="anna@example.org", phone="0611111111")
    mail.outbox.clear()
    return registration


def change(client, registration, **fields):
    data = {"first_name": "Anna", "email": "anna@example.org", "phone": "0611111111", **fields}
    return client.post(reverse("registration-contact", args=[registration.manage_token]), data)


def confirmation_path() -> str:
    message = mail.outbox[0]
    [path] = [p for p in LINK.findall(str(message.body)) if "/email-bevestigen/" in p]
    return path


def test_the_manage_page_shows_the_contact_details_to_change(client, anna):
    response = client.get(reverse("registration-manage", args=[anna.manage_token]))

    html = response.content.decode()
    assert 'id="contact-form"' in html
    assert 'value="anna@example.org"' in html
    assert 'value="0611111111"' in html


def test_first_name_and_phone_change_at_once_and_the_audit_log_has_no_personal_data(client, anna):
    response = change(client, anna, first_name="Anneke", phone="06 2222 3333")

    assert response.status_code == 302
    anna.person.refresh_from_db()
    assert (anna.person.first_name, anna.person.phone) == ("Anneke", "06 2222 3333")
    entry = AuditEntry.objects.get(action="person.contact_changed")
    assert entry.payload == {"fields": ["first_name", "phone"], "email_confirmation_sent": False}
    assert "Anneke" not in str(entry.payload) and "2222" not in str(entry.payload)
    assert mail.outbox == []


def test_a_new_email_address_counts_only_after_the_confirmation_link_is_used(client, anna):
    response = change(client, anna, email="anna.new@example.org")

    assert response.status_code == 302
    anna.person.refresh_from_db()
    assert anna.person.email == "anna@example.org"
    (message,) = mail.outbox
    assert message.to == ["anna.new@example.org"]
    path = confirmation_path()

    # Opening the link (a mail scanner does that too) changes nothing.
    assert client.get(path).status_code == 200
    anna.person.refresh_from_db()
    assert anna.person.email == "anna@example.org"

    response = client.post(path)

    assert response.status_code == 302
    assert response.url == reverse("registration-manage", args=[anna.manage_token])
    anna.person.refresh_from_db()
    assert anna.person.email == "anna.new@example.org"
    assert AuditEntry.objects.filter(action="person.email_confirmed").count() == 1
    notice = mail.outbox[-1]
    assert notice.to == ["anna@example.org"]
    assert "anna.new@example.org" not in notice.body


def test_a_confirmation_link_works_once(client, anna):
    change(client, anna, email="anna.new@example.org")
    path = confirmation_path()
    client.post(path)

    response = client.post(path)

    assert response.status_code == 200
    assert 'id="form-errors"' in response.content.decode()


def test_a_confirmation_link_stops_working_after_two_days(client, anna):
    change(client, anna, email="anna.new@example.org")
    path = confirmation_path()

    with time_machine.travel(datetime.timedelta(days=3)):
        response = client.post(path)

    assert response.status_code == 404
    anna.person.refresh_from_db()
    assert anna.person.email == "anna@example.org"


def test_a_made_up_confirmation_link_does_nothing(client, anna):
    response = client.post(reverse("email-confirm", args=["eyJwIjoxfQ:1abc:forged"]))

    assert response.status_code == 404


def test_an_address_of_someone_else_here_is_refused_when_confirming(client, anna, organisation):
    make_person(organisation, first_name="Bert", email="bert@example.org")
    change(client, anna, email="bert@example.org")

    response = client.post(confirmation_path())

    assert response.status_code == 200
    assert 'id="form-errors"' in response.content.decode()
    anna.person.refresh_from_db()
    assert anna.person.email == "anna@example.org"


def test_without_email_or_phone_the_details_are_refused_next_to_the_field(client, anna):
    response = change(client, anna, email="", phone="")

    assert response.status_code == 200
    assert 'id="id_email_error"' in response.content.decode()
    anna.person.refresh_from_db()
    assert anna.person.phone == "0611111111"


def test_emptying_the_email_address_counts_at_once_when_a_phone_is_left(client, anna):
    change(client, anna, email="")

    anna.person.refresh_from_db()
    assert anna.person.email == ""


def test_a_cancelled_registration_has_no_details_form_and_changes_nothing(client, anna):
    registering.cancel(registration=anna)

    page = client.get(reverse("registration-manage", args=[anna.manage_token]))
    response = change(client, anna, first_name="Mallory")

    assert 'id="contact-form"' not in page.content.decode()
    assert response.status_code == 302
    anna.person.refresh_from_db()
    assert anna.person.first_name == "Anna"


def test_an_unknown_personal_link_cannot_change_details(client, anna):
    response = client.post(
        reverse("registration-contact", args=["unknown"]), {"first_name": "Mallory"}
    )

    assert response.status_code == 404


def test_without_email_the_done_page_offers_the_link_as_qr_code_and_slip(client, meeting):
    registration = registering.register(meeting=meeting, first_name="Gerrit", phone="0612345678")

    response = client.get(reverse("registration-done", args=[registration.manage_token]))

    html = response.content.decode()
    manage = reverse("registration-manage", args=[registration.manage_token])
    assert 'id="keep-link"' in html
    assert 'src="data:image/svg+xml' in html
    assert f"http://testserver{manage}" in html
    assert reverse("registration-slip", args=[registration.manage_token]) in html
    assert reverse("meeting-ics", args=[meeting.pk]) in html


def test_the_slip_is_a_pdf(client, meeting):
    registration = registering.register(meeting=meeting, first_name="Gerrit", phone="0612345678")

    response = client.get(reverse("registration-slip", args=[registration.manage_token]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_the_slip_is_one_small_page_whose_qr_code_opens_the_personal_link(
    client, meeting, tmp_path
):
    registration = registering.register(meeting=meeting, first_name="Gerrit", phone="0612345678")
    path = tmp_path / "slip.pdf"
    path.write_bytes(
        client.get(reverse("registration-slip", args=[registration.manage_token])).content
    )

    assert pdf_info(path)["Pages"].strip() == "1"
    assert page_size(path) == (298, 420)  # A6
    assert qr_codes(path, tmp_path) == [manage_url(registration)]
    assert "Thuis in je buurt" in pdf_text(path)


def test_the_slip_of_an_unknown_link_is_not_found(client, meeting):
    assert client.get(reverse("registration-slip", args=["unknown"])).status_code == 404
