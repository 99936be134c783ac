"""The public sign-up form never reveals or changes someone else's record (issue 7, item 1).

Anyone can type anything into the form: a stranger's phone number, a stranger's email address.
These tests post what an attacker would and check what the browser gets back and what is stored.
"""

import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.builders import make_meeting, make_person, sign_up
from wijkdialoog.community.models import Person
from wijkdialoog.registrations.models import Registration


@pytest.fixture
def meeting(neighbourhood):
    return make_meeting(neighbourhood, seats=(8,))


@pytest.fixture
def henk(organisation):
    """Known to the organisation with a phone number and an email address."""
    return make_person(
        organisation, first_name="Henk", email="henk@example.org", phone="06 1234 5678"
    )


def without_nonce(html: str) -> str:
    """The page without what differs on every request (script nonces, CSRF tokens)."""
    html = re.sub(r'nonce="[^"]*"', "", html)
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def post_form(client, meeting, **fields):
    data = {"first_name": "", "email": "", "phone": "", "consent": "on", **fields}
    return client.post(reverse("meeting-register", args=[meeting.pk]), data, follow=True)


def test_a_strangers_phone_with_another_first_name_makes_a_separate_person(client, meeting, henk):
    response = post_form(client, meeting, first_name="Mallory", phone="0612345678")

    registration = Registration.objects.get()
    assert registration.person != henk
    assert registration.person.first_name == "Mallory"
    html = response.content.decode()
    assert "henk@example.org" not in html
    assert "Henk" not in html
    assert mail.outbox == []


def test_a_new_email_with_a_known_phone_never_lands_on_the_known_person(
    client, organisation, meeting
):
    gerda = make_person(organisation, first_name="Gerda", phone="0612345678")

    post_form(client, meeting, first_name="Gerda", phone="0612345678", email="evil@example.org")

    gerda.refresh_from_db()
    assert gerda.email == ""
    assert Registration.objects.get().person.email == "evil@example.org"
    assert Registration.objects.get().person != gerda


def test_an_anonymous_form_never_overwrites_contact_details_of_a_known_person(
    client, meeting, henk
):
    post_form(client, meeting, first_name="Hendrik", email="henk@example.org", phone="0699999999")

    henk.refresh_from_db()
    assert (henk.first_name, henk.phone, henk.email) == ("Henk", "06 1234 5678", "henk@example.org")
    assert Registration.objects.get().person == henk


def test_a_known_email_gets_no_personal_link_or_stored_data_in_the_browser(client, meeting, henk):
    response = post_form(client, meeting, first_name="Mallory", email="henk@example.org")

    registration = Registration.objects.get()
    assert registration.person == henk
    html = response.content.decode()
    assert registration.manage_token not in html
    assert registration.check_in_code not in html
    assert "Henk" not in html
    assert "1234 5678" not in html
    assert [message.to for message in mail.outbox] == [["henk@example.org"]]


def test_already_registered_gets_the_same_answer_as_an_unknown_email_and_the_owner_a_mail(
    client, meeting, henk
):
    sign_up(meeting, "Henk", email="henk@example.org")
    mail.outbox.clear()

    known = post_form(client, meeting, first_name="Mallory", email="henk@example.org")
    unknown = post_form(client, meeting, first_name="Mallory", email="nobody@example.org")

    assert known.redirect_chain == unknown.redirect_chain
    assert without_nonce(known.content.decode()) == without_nonce(unknown.content.decode())
    assert meeting.registrations.filter(person=henk).count() == 1
    to_henk = [message for message in mail.outbox if message.to == ["henk@example.org"]]
    assert len(to_henk) == 1
    link = reverse(
        "registration-manage", args=[meeting.registrations.get(person=henk).manage_token]
    )
    assert link in to_henk[0].body


def test_a_household_sharing_one_phone_registers_two_people(client, meeting):
    post_form(client, meeting, first_name="Fatima", phone="06 1111 2222")
    client.cookies.clear()
    post_form(client, meeting, first_name="Youssef", phone="0611112222")

    names = sorted(r.person.first_name for r in meeting.registrations.all())
    assert names == ["Fatima", "Youssef"]
    assert Person.objects.filter(phone__contains="1111").count() == 2


def test_the_same_phone_and_first_name_is_the_same_person(client, organisation, meeting):
    gerda = make_person(organisation, first_name="Gerda", phone="06-1234 5678")

    response = post_form(client, meeting, first_name="gerda", phone="+31 6 12345678")

    registration = Registration.objects.get()
    assert registration.person == gerda
    assert registration.check_in_code in response.content.decode()


def test_the_done_page_does_not_show_the_stored_email_address(client, meeting):
    registration = sign_up(meeting, "Anna", email="anna@example.org")

    response = client.get(reverse("registration-done", args=[registration.manage_token]))

    assert "anna@example.org" not in response.content.decode()


def test_phone_and_first_name_of_someone_with_email_make_a_separate_person(client, meeting, henk):
    response = post_form(client, meeting, first_name="Henk", phone="0612345678")

    registration = Registration.objects.get()
    assert registration.person != henk
    assert (registration.person.first_name, registration.person.email) == ("Henk", "")
    html = response.content.decode()
    assert "henk@example.org" not in html
    assert mail.outbox == []
    henk.refresh_from_db()
    assert (henk.first_name, henk.phone, henk.email) == ("Henk", "06 1234 5678", "henk@example.org")


def test_phone_and_first_name_of_someone_with_email_registered_already_gets_the_usual_answer(
    client, meeting, henk
):
    existing = sign_up(meeting, "Henk", email="henk@example.org")
    mail.outbox.clear()

    response = post_form(client, meeting, first_name="Henk", phone="06-12345678")

    assert response.redirect_chain == [(reverse("meeting-register-sent", args=[meeting.pk]), 302)]
    assert list(meeting.registrations.all()) == [existing]
    assert [message.to for message in mail.outbox] == [["henk@example.org"]]


def test_a_second_sign_up_by_phone_finds_the_earlier_one_among_people_with_that_phone(
    client, meeting, henk
):
    post_form(client, meeting, first_name="Henk", phone="0612345678")
    client.cookies.clear()

    response = post_form(client, meeting, first_name="Henk", phone="0612345678")

    assert meeting.registrations.count() == 1
    assert 'id="error-summary"' in response.content.decode()
