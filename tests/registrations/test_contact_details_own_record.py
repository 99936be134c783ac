"""A personal link controls its own registration only (issue 7, item 1, review).

A stranger who knows a phone-only resident's phone number and first name can still sign up as
them for another meeting and hold that registration's personal link. Changing contact details
through that link must not change the resident's record, nor route mail for the resident's
other registrations to the stranger: the registration moves onto a record of its own.
"""

import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.builders import make_meeting, make_person
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.registrations import registering
from wijkdialoog.registrations.models import Registration

LINK = re.compile(r"https?://testserver(/\S+)")


@pytest.fixture
def gerda(organisation):
    """Known by phone only, registered for one meeting already."""
    return make_person(organisation, first_name="Gerda", phone="06 1234 5678")


@pytest.fixture
def own(neighbourhood, gerda):
    meeting = make_meeting(neighbourhood, seats=(8,))
    return registering.register(meeting=meeting, first_name="Gerda", phone="0612345678")


@pytest.fixture
def strangers(client, neighbourhood, own):
    """The stranger signs up as Gerda for another meeting and keeps the personal link."""
    other = make_meeting(neighbourhood, days=20, seats=(8,))
    data = {"first_name": "Gerda", "phone": "0612345678", "email": "", "consent": "on"}
    client.post(reverse("meeting-register", args=[other.pk]), data)
    mail.outbox.clear()
    return Registration.objects.get(meeting=other)


def change(client, registration, **fields):
    data = {"first_name": "Gerda", "email": "", "phone": "0612345678", **fields}
    return client.post(reverse("registration-contact", args=[registration.manage_token]), data)


def confirm_from_mail(client):
    [path] = [p for p in LINK.findall(mail.outbox[-1].body) if "/email-bevestigen/" in p]
    return client.post(path)


def test_a_stranger_adding_an_email_never_puts_it_on_the_shared_record(
    client, gerda, own, strangers
):
    assert strangers.person == gerda  # what the form links to: nothing was shown not typed

    change(client, strangers, email="evil@example.org")
    confirm_from_mail(client)

    gerda.refresh_from_db()
    strangers.refresh_from_db()
    own.refresh_from_db()
    assert gerda.email == ""
    assert own.person == gerda
    assert strangers.person != gerda
    assert strangers.person.email == "evil@example.org"
    assert strangers.person.first_name == "Gerda"


def test_a_stranger_changing_name_and_phone_leaves_the_shared_record_alone(
    client, gerda, own, strangers
):
    response = change(client, strangers, first_name="Mallory", phone="0699999999")

    assert response.status_code == 302
    gerda.refresh_from_db()
    strangers.refresh_from_db()
    own.refresh_from_db()
    assert (gerda.first_name, gerda.phone) == ("Gerda", "06 1234 5678")
    assert own.person == gerda
    assert (strangers.person.first_name, strangers.person.phone) == ("Mallory", "0699999999")
    assert strangers.person.organisation_id == gerda.organisation_id


def test_reminders_for_the_other_registration_never_reach_the_strangers_address(
    client, gerda, own, strangers
):
    change(client, strangers, first_name="Mallory", email="evil@example.org")
    confirm_from_mail(client)
    mail.outbox.clear()

    registering.cancel(registration=own)

    assert mail.outbox == []
    own.refresh_from_db()
    assert own.person.email == ""


def test_the_move_is_in_the_audit_log_without_personal_data(client, gerda, own, strangers):
    change(client, strangers, first_name="Mallory", phone="0699999999")

    strangers.refresh_from_db()
    entry = AuditEntry.objects.get(action="registration.moved_to_own_record")
    assert entry.payload == {"from_person": gerda.pk, "to_person": strangers.person_id}
    assert entry.object_id == str(strangers.pk)
    assert "Mallory" not in str(entry.payload) and "9999" not in str(entry.payload)
    assert "Gerda" not in str(entry.payload) and "5678" not in str(entry.payload)


def test_the_companions_stay_with_the_registration_that_moves(client, neighbourhood, gerda, own):
    other = make_meeting(neighbourhood, days=20, seats=(8,))
    lead = registering.register(
        meeting=other, first_name="Gerda", phone="0612345678", companions=["Kees"]
    )
    [companion] = registering.active_companions(lead)

    change(client, lead, phone="0677777777")

    lead.refresh_from_db()
    companion.refresh_from_db()
    assert lead.person != gerda
    assert companion.party_lead == lead
    assert companion.person != gerda


def test_someone_with_only_this_registration_and_companions_changes_in_place(
    client, meeting_with_party
):
    lead, person = meeting_with_party

    change(client, lead, first_name="Gerdina", phone="0677777777")

    lead.refresh_from_db()
    person.refresh_from_db()
    assert lead.person == person
    assert (person.first_name, person.phone) == ("Gerdina", "0677777777")
    assert not AuditEntry.objects.filter(action="registration.moved_to_own_record").exists()


@pytest.fixture
def meeting_with_party(neighbourhood):
    meeting = make_meeting(neighbourhood, seats=(8,))
    lead = registering.register(
        meeting=meeting, first_name="Gerda", phone="0612345678", companions=["Kees"]
    )
    return lead, lead.person


def test_a_record_keeping_its_email_address_changes_in_place_as_its_mail_goes_there(
    client, neighbourhood, organisation
):
    anna = make_person(organisation, first_name="Anna", email="anna@example.org", phone="0611")
    first = registering.register(
        meeting=make_meeting(neighbourhood), first_name="Anna", email="anna@example.org"
    )
    second = registering.register(
        meeting=make_meeting(neighbourhood, days=20), first_name="Anna", email="anna@example.org"
    )

    change(client, second, first_name="Anneke", email="anna@example.org", phone="0622222222")

    anna.refresh_from_db()
    assert first.person == second.person == anna
    assert (anna.first_name, anna.phone) == ("Anneke", "0622222222")
