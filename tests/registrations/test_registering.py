"""The domain functions for registering: places, people, duplicates, closing, companions, audit."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.builders import make_meeting, make_organisation, make_person, make_series, sign_up
from wijkdialoog.community.models import Person
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.registrations import registering
from wijkdialoog.registrations.intake import normalise_phone
from wijkdialoog.registrations.models import Channel, Registration

Status = Registration.Status


@pytest.fixture
def meeting(neighbourhood):
    """A published meeting in ten days with one table of four seats."""
    return make_meeting(neighbourhood, seats=(4,))


def test_it_confirms_people_while_places_are_left_and_then_puts_them_on_the_waiting_list(meeting):
    confirmed = [sign_up(meeting, name) for name in ["Anna", "Bert", "Cor", "Dirk"]]
    waiting = sign_up(meeting, "Eva")

    assert {r.status for r in confirmed} == {Status.CONFIRMED}
    assert all(r.waiting_since is None for r in confirmed)
    assert waiting.status == Status.WAITING
    assert waiting.waiting_since is not None


def test_capacity_is_the_sum_of_the_seats_at_all_tables(neighbourhood):
    meeting = make_meeting(neighbourhood, seats=(4, 5))
    registrations = [sign_up(meeting, f"Persoon{n}") for n in range(10)]

    assert [r.status for r in registrations].count(Status.CONFIRMED) == 9
    assert registrations[-1].status == Status.WAITING


def test_a_meeting_without_tables_is_not_open_for_registration_yet(neighbourhood):
    meeting = make_meeting(neighbourhood, seats=())

    with pytest.raises(ValidationError) as error:
        sign_up(meeting, "Anna")
    assert error.value.code == "not-yet"


def test_it_finds_the_same_person_by_email_in_any_case(meeting, organisation):
    rita = make_person(organisation, first_name="Rita", email="rita@example.org")

    registration = sign_up(meeting, "Rita", email="  RITA@Example.org ")

    assert registration.person == rita
    assert Person.objects.filter(organisation=organisation).count() == 1


def test_it_finds_the_same_person_by_a_phone_number_written_differently(meeting, organisation):
    henk = make_person(organisation, first_name="Henk", phone="06-1234 5678")

    registration = registering.register(meeting=meeting, first_name="Henk", phone="+31 612345678")

    assert registration.person == henk


def test_a_volunteer_adds_a_missing_email_to_the_person_found_by_phone(
    meeting, organisation, facilitator
):
    henk = make_person(organisation, first_name="Henk", phone="0612345678")

    registration = registering.register(
        meeting=meeting,
        first_name="Henk",
        phone="06 12345678",
        email="henk@example.org",
        registered_by=facilitator.person.user,
    )

    henk.refresh_from_db()
    assert registration.person == henk
    assert henk.email == "henk@example.org"


def test_the_public_form_never_adds_an_email_to_the_person_found_by_phone(meeting, organisation):
    henk = make_person(organisation, first_name="Henk", phone="0612345678")

    registration = registering.register(
        meeting=meeting, first_name="Henk", phone="06 12345678", email="henk@example.org"
    )

    henk.refresh_from_db()
    assert henk.email == ""
    assert registration.person != henk


def test_someone_known_elsewhere_becomes_a_new_person_of_the_meetings_organisation(meeting):
    elsewhere = make_person(make_organisation(), first_name="Rita", email="rita@example.org")

    registration = sign_up(meeting, "Rita", email="rita@example.org")

    assert registration.person != elsewhere
    assert registration.person.organisation_id == meeting.organisation_id
    assert registration.person.language == "nl"


def test_phone_numbers_are_compared_without_spaces_dashes_or_country_code():
    assert normalise_phone("+31 6-1234 5678") == "0612345678"
    assert normalise_phone("0031 (6) 12345678") == "0612345678"
    assert normalise_phone("06 12 34 56 78") == "0612345678"


def test_it_refuses_a_second_registration_of_the_same_person_politely(meeting):
    sign_up(meeting, "Anna", email="anna@example.org")

    with pytest.raises(ValidationError) as raised:
        sign_up(meeting, "Anna", email="ANNA@example.org")

    assert raised.value.code == "duplicate"
    assert meeting.registrations.count() == 1


def test_registering_again_after_cancelling_reuses_the_row(meeting):
    first = sign_up(meeting, "Anna", age_group="35-54")
    registering.cancel(registration=first)

    again = sign_up(meeting, "Anna", first_time=True)

    assert again.pk == first.pk
    assert again.status == Status.CONFIRMED
    assert again.cancelled_at is None
    assert again.age_group == ""
    assert again.first_time is True
    assert meeting.registrations.count() == 1


def test_it_refuses_registrations_from_the_closing_moment_on(neighbourhood):
    closes = timezone.now() + datetime.timedelta(days=2)
    meeting = make_meeting(neighbourhood, registration_closes_at=closes)
    sign_up(meeting, "Anna")

    meeting.registration_closes_at = timezone.now() - datetime.timedelta(minutes=1)
    meeting.save()

    with pytest.raises(ValidationError) as raised:
        sign_up(meeting, "Bert")
    assert raised.value.code == "closed"
    assert meeting.registrations.count() == 1


def test_without_a_closing_moment_registration_closes_when_the_meeting_starts(neighbourhood):
    meeting = make_meeting(neighbourhood, days=1)

    with time_machine.travel(meeting.starts_at + datetime.timedelta(minutes=1)):
        with pytest.raises(ValidationError):
            sign_up(meeting, "Anna")
        # Someone who walks in at the door is still welcome.
        walk_in = registering.register(
            meeting=meeting, first_name="Wim", source=Registration.Source.WALK_IN
        )
    assert walk_in.status == Status.CONFIRMED


def test_it_refuses_registrations_for_a_cancelled_meeting(meeting):
    meeting.cancelled_at = timezone.now()
    meeting.save()

    with pytest.raises(ValidationError):
        sign_up(meeting, "Anna")


def test_it_needs_an_email_address_or_a_phone_number(meeting):
    with pytest.raises(ValidationError) as raised:
        registering.register(meeting=meeting, first_name="Anna")

    assert "email" in raised.value.message_dict


def test_it_needs_consent_and_records_which_statement_was_agreed_to(meeting):
    with pytest.raises(ValidationError) as raised:
        sign_up(meeting, "Anna", consent=False)
    assert "consent" in raised.value.message_dict

    registration = sign_up(meeting, "Anna")
    assert registration.consent_at is not None
    assert registration.consent_version == registering.CONSENT_VERSION


def test_companions_get_their_own_registration_with_the_same_status(meeting):
    lead = sign_up(meeting, "Anna", companions=["Bert", "  ", "Cor"])

    companions = list(lead.companions.order_by("pk"))
    assert [c.person.first_name for c in companions] == ["Bert", "Cor"]
    assert {c.status for c in companions} == {Status.CONFIRMED}
    assert {c.person.organisation_id for c in companions} == {meeting.organisation_id}
    assert all(c.check_in_code != lead.check_in_code for c in companions)


def test_companions_count_towards_the_places(meeting):
    sign_up(meeting, "Anna", companions=["Bert", "Cor"])

    assert sign_up(meeting, "Dirk").status == Status.CONFIRMED
    assert sign_up(meeting, "Eva").status == Status.WAITING


def test_a_party_that_does_not_fit_waits_together(meeting):
    sign_up(meeting, "Anna", companions=["Bert"])

    lead = sign_up(meeting, "Cor", companions=["Dirk", "Eva"])

    assert lead.status == Status.WAITING
    assert {c.status for c in lead.companions.all()} == {Status.WAITING}
    assert {c.waiting_since for c in lead.companions.all()} == {lead.waiting_since}
    assert meeting.registrations.filter(status=Status.CONFIRMED).count() == 2


def test_it_refuses_more_companions_than_the_form_offers(meeting):
    with pytest.raises(ValidationError) as raised:
        sign_up(meeting, "Anna", companions=["B", "C", "D", "E"])

    assert "companions" in raised.value.message_dict


def test_registering_on_someones_behalf_records_who_did_it_and_how(meeting, facilitator):
    user = facilitator.person.user

    registration = registering.register(
        meeting=meeting,
        first_name="Gerrit",
        phone="0612345678",
        source=Registration.Source.PHONE,
        registered_by=user,
    )

    assert registration.source == Registration.Source.PHONE
    assert registration.registered_by == user
    entry = AuditEntry.objects.get(action="registration.created", object_id=str(registration.pk))
    assert entry.actor == user


def test_registering_writes_the_audit_log_without_personal_data(meeting):
    registration = sign_up(meeting, "Anna", email="anna@example.org", companions=["Bert"])

    entry = AuditEntry.objects.get(action="registration.created", object_id=str(registration.pk))
    assert entry.actor is None
    assert entry.actor_label == "registration form"
    assert entry.payload == {
        "status": "confirmed",
        "source": "online",
        "channel": None,
        "companions": 1,
    }
    assert "anna@example.org" not in str(entry.payload)
    assert AuditEntry.objects.filter(action="registration.created").count() == 2
    assert entry.action_display != entry.action


def test_it_keeps_the_channel_of_the_series_and_ignores_one_of_another_series(
    meeting, neighbourhood
):
    poster = Channel.objects.create(series=meeting.series, kind=Channel.Kind.POSTER)
    other_series = make_series(
        neighbourhood, theme="Erbij horen", slug="erbij", description="Erbij."
    )
    flyer = Channel.objects.create(series=other_series, kind=Channel.Kind.FLYER)

    assert sign_up(meeting, "Anna", channel=poster).channel == poster
    assert sign_up(meeting, "Bert", channel=flyer).channel is None


def test_it_sends_a_confirmation_only_to_people_with_an_email_address(meeting):
    sign_up(meeting, "Anna", email="anna@example.org")
    registering.register(meeting=meeting, first_name="Henk", phone="0612345678")

    assert [m.to for m in mail.outbox] == [["anna@example.org"]]


def test_a_volunteer_records_the_language_someone_known_wants_now(
    meeting, organisation, facilitator
):
    rita = make_person(organisation, first_name="Rita", email="rita@example.org")

    sign_up(
        meeting,
        "Rita",
        email="rita@example.org",
        language="en",
        registered_by=facilitator.person.user,
    )

    rita.refresh_from_db()
    assert rita.language == "en"


def test_the_public_form_leaves_the_language_of_someone_known_alone(meeting, organisation):
    rita = make_person(organisation, first_name="Rita", email="rita@example.org")

    sign_up(meeting, "Rita", email="rita@example.org", language="en")

    rita.refresh_from_db()
    assert rita.language == "nl"


def test_change_updates_the_optional_facts_and_leaves_the_rest(meeting):
    registration = sign_up(meeting, "Anna", languages="Nederlands", first_time=True)

    registering.change(registration=registration, age_group="55-74", access_needs=" rolstoel ")

    registration.refresh_from_db()
    assert registration.age_group == "55-74"
    assert registration.access_needs == "rolstoel"
    assert registration.languages == "Nederlands"
    assert registration.first_time is True
    entry = AuditEntry.objects.get(action="registration.changed")
    assert entry.payload["fields"] == ["age_group", "access_needs"]
    assert entry.actor_label == "manage link"


def test_change_refuses_an_unknown_choice(meeting):
    registration = sign_up(meeting, "Anna")

    with pytest.raises(ValidationError):
        registering.change(registration=registration, age_group="ancient")


def test_change_adds_companions_while_places_are_left(meeting):
    registration = sign_up(meeting, "Anna")

    registering.change(registration=registration, companions=["Bert", "Cor"])

    assert [c.person.first_name for c in registering.active_companions(registration)] == [
        "Bert",
        "Cor",
    ]
    assert meeting.registrations.filter(status=Status.CONFIRMED).count() == 3


def test_change_refuses_companions_beyond_the_places_left(meeting):
    registration = sign_up(meeting, "Anna")
    sign_up(meeting, "Bert", companions=["Cor"])

    with pytest.raises(ValidationError) as raised:
        registering.change(registration=registration, companions=["Dirk", "Eva"])

    assert "companions" in raised.value.message_dict
    assert registering.active_companions(registration) == []


def test_change_lets_companions_join_someone_on_the_waiting_list(meeting):
    sign_up(meeting, "Anna", companions=["Bert", "Cor", "Dirk"])
    waiting = sign_up(meeting, "Eva")

    registering.change(registration=waiting, companions=["Fien"])

    (fien,) = registering.active_companions(waiting)
    assert fien.status == Status.WAITING
    assert fien.waiting_since == waiting.waiting_since


def test_change_renames_and_removes_companions(meeting):
    registration = sign_up(meeting, "Anna", companions=["Bert", "Cor"])

    registering.change(registration=registration, companions=["Berta", ""])

    companions = registration.companions.order_by("pk")
    assert [(c.person.first_name, c.status) for c in companions] == [
        ("Berta", Status.CONFIRMED),
        ("Cor", Status.CANCELLED),
    ]


def test_change_refuses_a_cancelled_registration(meeting):
    registration = sign_up(meeting, "Anna")
    registering.cancel(registration=registration)

    with pytest.raises(ValidationError):
        registering.change(registration=registration, age_group="18-34")


def test_cancel_cancels_the_people_who_came_along_and_writes_the_audit_log(meeting):
    registration = sign_up(meeting, "Anna", companions=["Bert"])

    registering.cancel(registration=registration)

    assert set(meeting.registrations.values_list("status", flat=True)) == {Status.CANCELLED}
    entry = AuditEntry.objects.get(action="registration.cancelled")
    assert entry.payload == {"previous_status": "confirmed", "party_size": 2}
    assert entry.actor_label == "manage link"


def test_cancelling_twice_changes_nothing(meeting):
    registration = sign_up(meeting, "Anna")
    registering.cancel(registration=registration)
    registering.cancel(registration=registration)

    assert AuditEntry.objects.filter(action="registration.cancelled").count() == 1
