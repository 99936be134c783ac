"""A meeting without tables has no places yet; cancelling a meeting tells everyone registered."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.builders import make_person, make_registration, make_table
from wijkdialoog.core import mail as core_mail
from wijkdialoog.dialogues import planning
from wijkdialoog.dialogues.availability import State, state
from wijkdialoog.registrations import registering


def test_a_meeting_without_tables_is_not_open_for_registration_yet(meeting):
    assert state(meeting) == State.NOT_YET


def test_its_public_page_says_registration_opens_soon_and_offers_no_button(client, meeting):
    response = client.get(reverse("meeting-public", args=[meeting.pk]))
    content = response.content.decode()
    assert 'id="registration-not-yet"' in content
    assert 'id="register-button"' not in content


def test_nobody_can_register_for_a_meeting_without_tables(meeting):
    with pytest.raises(ValidationError) as error:
        registering.register(meeting=meeting, first_name="Anna", email="anna@example.org")
    assert error.value.code == "not-yet"


def test_the_meeting_opens_once_a_table_is_added(meeting):
    make_table(meeting, seats=6)
    assert state(meeting) == State.OPEN


def test_cancelling_a_meeting_mails_everyone_registered_or_waiting_in_their_language(
    meeting, organiser, django_capture_on_commit_callbacks
):
    make_table(meeting, seats=4)
    confirmed = make_person(meeting.series.neighbourhood.organisation, "Anna", "anna@example.org")
    waiting = make_person(
        meeting.series.neighbourhood.organisation, "Tom", "tom@example.org", language="en"
    )
    gone = make_person(meeting.series.neighbourhood.organisation, "Gijs", "gijs@example.org")
    make_registration(meeting, confirmed)
    make_registration(meeting, waiting, status="waiting")
    make_registration(meeting, gone, status="cancelled")
    mail.outbox.clear()

    # Registrations hears of the cancellation once it is committed.
    with django_capture_on_commit_callbacks(execute=True):
        planning.cancel_meeting(meeting=meeting, actor=organiser.person.user, reason="storm")

    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"anna@example.org", "tom@example.org"}
    assert by_recipient["tom@example.org"].subject.startswith("Cancelled:")
    neighbourhood_url = reverse(
        "neighbourhood-public",
        args=[meeting.series.neighbourhood.organisation.slug, meeting.series.neighbourhood.slug],
    )
    assert neighbourhood_url in by_recipient["anna@example.org"].body


def test_no_mail_leaves_while_mail_is_suppressed(meeting):
    make_table(meeting, seats=4)
    mail.outbox.clear()
    with core_mail.suppressed():
        registering.register(meeting=meeting, first_name="Anna", email="anna@example.org")
    assert mail.outbox == []


def test_adding_a_table_gives_its_seats_to_the_people_waiting_and_tells_them(
    meeting, organiser, django_capture_on_commit_callbacks
):
    table = make_table(meeting, number=1, seats=4)
    organisation = meeting.series.neighbourhood.organisation
    for n in range(4):
        make_registration(meeting, make_person(organisation, f"Vol{n}", f"vol{n}@example.org"))
    waiting = make_person(organisation, "Wendy", "wendy@example.org")
    registration = make_registration(meeting, waiting, status="waiting")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        planning.save_table(meeting=meeting, actor=organiser.person.user, number=2, seats=4)

    registration.refresh_from_db()
    assert registration.status == "confirmed"
    assert [message.to for message in mail.outbox] == [["wendy@example.org"]]
    assert table.seats == 4
