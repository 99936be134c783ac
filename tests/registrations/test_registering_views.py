"""The registering pages through HTTP: the public form, the done page, the personal manage link,
registering on behalf, and the organiser's list, for every persona."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests.builders import make_meeting, make_membership, make_series, sign_up
from wijkdialoog.registrations import registering
from wijkdialoog.registrations.models import Channel, Registration

Status = Registration.Status


@pytest.fixture
def meeting(neighbourhood):
    """A published meeting in ten days with one table of four seats."""
    return make_meeting(neighbourhood, seats=(4,))


PERSONAS = ["anonymous", "organiser", "facilitator", "partner", "trainer", "outsider"]


@pytest.fixture
def other_facilitator(organisation):
    """A second volunteer of the same organisation."""
    return make_membership(
        organisation, "facilitator", first_name="Frits", email="frits@example.org", trained=True
    )


def form_data(**extra):
    data = {"first_name": "Anna", "email": "anna@example.org", "phone": "", "consent": "on"}
    data.update(extra)
    return data


# --- the public form -------------------------------------------------------------------------


def test_anyone_can_open_the_form_of_a_published_meeting(client, meeting):
    response = client.get(reverse("meeting-register", args=[meeting.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="first_name"' in html
    assert 'name="consent"' in html
    assert 'id="places-left"' in html
    assert reverse("privacy") in html


def test_an_unpublished_meeting_cannot_be_found_by_the_public(client, neighbourhood):
    meeting = make_meeting(neighbourhood, published=False)

    assert client.get(reverse("meeting-register", args=[meeting.pk])).status_code == 404
    response = client.post(reverse("meeting-register", args=[meeting.pk]), form_data())
    assert response.status_code == 404
    assert not Registration.objects.exists()


def test_an_organiser_can_preview_the_form_of_an_unpublished_meeting(client_for, neighbourhood):
    meeting = make_meeting(neighbourhood, published=False)

    response = client_for("organiser").get(reverse("meeting-register", args=[meeting.pk]))

    assert response.status_code == 200


def test_registering_with_email_says_check_your_email_and_mails_the_code(client, meeting):
    response = client.post(
        reverse("meeting-register", args=[meeting.pk]),
        form_data(companion_1="Bert", age_group="25-44", first_time="yes"),
    )

    registration = Registration.objects.get(party_lead=None)
    assert response.status_code == 302
    assert response.url == reverse("meeting-register-sent", args=[meeting.pk])
    assert registration.age_group == "25-44"
    assert registration.first_time is True
    assert registration.companions.get().person.first_name == "Bert"
    sent = client.get(response.url)
    assert sent.status_code == 200
    assert reverse("meeting-ics", args=[meeting.pk]) in sent.content.decode()
    assert registration.check_in_code not in sent.content.decode()
    (confirmation,) = mail.outbox
    assert confirmation.to == ["anna@example.org"]
    assert registration.check_in_code in confirmation.body
    assert registration.companions.get().check_in_code in confirmation.body


def test_the_done_page_shows_the_codes_the_calendar_link_and_the_manage_link(client, meeting):
    registration = sign_up(meeting, "Anna", companions=["Bert"])

    done = client.get(reverse("registration-done", args=[registration.manage_token]))

    html = done.content.decode()
    assert done.status_code == 200
    assert registration.check_in_code in html
    assert registration.companions.get().check_in_code in html
    assert reverse("registration-manage", args=[registration.manage_token]) in html
    assert reverse("meeting-ics", args=[meeting.pk]) in html
    # With an email address the link goes by mail: no QR code or slip on screen.
    assert 'id="manage-qr"' not in html


def test_registering_in_english_stores_english_as_the_mail_language(client, meeting):
    client.cookies["wijkdialoog_language"] = "en"

    client.post(reverse("meeting-register", args=[meeting.pk]), form_data())

    assert Registration.objects.get().person.language == "en"


def test_without_email_or_phone_the_error_is_next_to_the_field_and_values_are_kept(client, meeting):
    response = client.post(
        reverse("meeting-register", args=[meeting.pk]),
        form_data(email="", first_name="Anna", languages="Turks", companion_1="Bert"),
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_email_error"' in html
    assert 'aria-invalid="true"' in html
    assert 'value="Anna"' in html
    assert 'value="Turks"' in html
    assert 'value="Bert"' in html
    assert not Registration.objects.exists()


def test_a_wrong_email_address_or_phone_number_is_shown_next_to_the_field(client, meeting):
    response = client.post(
        reverse("meeting-register", args=[meeting.pk]),
        form_data(email="anna@", phone="bel me"),
    )

    html = response.content.decode()
    assert 'id="id_email_error"' in html
    assert 'id="id_phone_error"' in html
    assert 'value="bel me"' in html


def test_without_consent_nobody_is_registered(client, meeting):
    data = form_data()
    del data["consent"]

    response = client.post(reverse("meeting-register", args=[meeting.pk]), data)

    assert response.status_code == 200
    assert 'id="id_consent_error"' in response.content.decode()
    assert not Registration.objects.exists()


def test_registering_twice_by_phone_shows_a_polite_message_on_the_form(client, meeting):
    registering.register(meeting=meeting, first_name="Anna", phone="0612345678")

    response = client.post(
        reverse("meeting-register", args=[meeting.pk]),
        form_data(email="", phone="06 1234 5678"),
    )

    assert response.status_code == 200
    assert 'id="error-summary"' in response.content.decode()
    assert meeting.registrations.get().manage_token not in response.content.decode()
    assert meeting.registrations.count() == 1


def test_a_registration_by_phone_only_gets_no_mail_but_the_code_on_screen(client, meeting):
    response = client.post(
        reverse("meeting-register", args=[meeting.pk]),
        form_data(email="", phone="06 1234 5678"),
        follow=True,
    )

    registration = Registration.objects.get()
    assert registration.person.phone == "06 1234 5678"
    assert registration.check_in_code in response.content.decode()
    assert mail.outbox == []


def test_a_full_meeting_says_you_join_the_waiting_list(client, meeting):
    for name in ["Anna", "Bert", "Cor", "Dirk"]:
        sign_up(meeting, name)

    response = client.get(reverse("meeting-register", args=[meeting.pk]))
    assert 'id="waiting-list-notice"' in response.content.decode()

    response = client.post(
        reverse("meeting-register", args=[meeting.pk]),
        form_data(first_name="Eva", email="", phone="0612345678"),
        follow=True,
    )
    assert 'data-status="waiting"' in response.content.decode()


def test_after_the_closing_moment_the_form_is_gone(client, meeting):
    meeting.registration_closes_at = timezone.now() - datetime.timedelta(hours=1)
    meeting.save()

    response = client.get(reverse("meeting-register", args=[meeting.pk]))
    assert 'id="registration-closed"' in response.content.decode()
    assert 'name="first_name"' not in response.content.decode()

    client.post(reverse("meeting-register", args=[meeting.pk]), form_data())
    assert not Registration.objects.exists()


def test_the_channel_in_the_session_is_recorded(client, meeting):
    poster = Channel.objects.create(series=meeting.series, kind=Channel.Kind.POSTER)
    session = client.session
    session["wijkdialoog_channel"] = poster.pk
    session.save()

    client.post(reverse("meeting-register", args=[meeting.pk]), form_data())

    assert Registration.objects.get().channel == poster


def test_the_channel_in_the_address_is_recorded(client, meeting):
    flyer = Channel.objects.create(series=meeting.series, kind=Channel.Kind.FLYER)
    url = reverse("meeting-register", args=[meeting.pk]) + f"?via={flyer.code}"

    client.post(url, form_data())

    assert Registration.objects.get().channel == flyer


def test_a_channel_of_another_series_is_not_recorded(client, meeting, neighbourhood):
    other = make_series(neighbourhood, theme="Erbij horen", slug="erbij", description="Erbij.")
    flyer = Channel.objects.create(series=other, kind=Channel.Kind.FLYER)
    session = client.session
    session["wijkdialoog_channel"] = flyer.pk
    session.save()

    client.post(reverse("meeting-register", args=[meeting.pk]) + f"?via={flyer.code}", form_data())

    assert Registration.objects.get().channel is None


# --- the personal manage link ----------------------------------------------------------------


def test_the_manage_link_shows_the_registration_without_logging_in(client, meeting):
    registration = sign_up(meeting, "Anna", companions=["Bert"])

    response = client.get(reverse("registration-manage", args=[registration.manage_token]))

    assert response.status_code == 200
    html = response.content.decode()
    assert registration.check_in_code in html
    assert 'value="Bert"' in html
    assert "no-store" in response["Cache-Control"]


def test_an_unknown_link_gives_a_friendly_not_found_page(client, meeting):
    response = client.get(reverse("registration-manage", args=["not-a-real-token"]))

    assert response.status_code == 404
    assert 'href="/"' in response.content.decode()


def test_the_link_stops_working_when_the_meeting_is_over(client, meeting):
    registration = sign_up(meeting, "Anna")
    url = reverse("registration-manage", args=[registration.manage_token])

    with time_machine.travel(meeting.ends_at + datetime.timedelta(minutes=1)):
        assert client.get(url).status_code == 404
        assert (
            client.get(reverse("registration-done", args=[registration.manage_token])).status_code
            == 404
        )


def test_the_manage_page_saves_changed_answers(client, meeting):
    registration = sign_up(meeting, "Anna")
    url = reverse("registration-manage", args=[registration.manage_token])

    response = client.post(url, {"access_needs": "Rolstoel", "companion_1": "Bert"})

    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.access_needs == "Rolstoel"
    assert registration.companions.get().person.first_name == "Bert"


def test_the_manage_page_shows_why_a_companion_cannot_be_added(client, meeting):
    registration = sign_up(meeting, "Anna")
    sign_up(meeting, "Cor", companions=["Dirk", "Eva"])

    response = client.post(
        reverse("registration-manage", args=[registration.manage_token]), {"companion_1": "Bert"}
    )

    assert response.status_code == 200
    assert 'id="id_companion_1_error"' not in response.content.decode()
    assert 'id="error-summary"' in response.content.decode()
    assert 'value="Bert"' in response.content.decode()
    assert registering.active_companions(registration) == []


def test_cancelling_asks_first_and_then_cancels_with_a_post(client, meeting):
    registration = sign_up(meeting, "Anna")
    url = reverse("registration-cancel", args=[registration.manage_token])

    confirm = client.get(url)
    assert confirm.status_code == 200
    assert 'id="confirm-cancel"' in confirm.content.decode()
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED

    response = client.post(url)

    assert response.status_code == 302
    assert response.url == reverse("registration-manage", args=[registration.manage_token])
    registration.refresh_from_db()
    assert registration.status == Status.CANCELLED
    page = client.get(response.url).content.decode()
    assert 'data-status="cancelled"' in page
    assert reverse("meeting-register", args=[meeting.pk]) in page
    assert client.get(url).status_code == 302


def test_cancelling_gives_the_place_to_the_first_on_the_waiting_list(client, meeting):
    anna, *_ = [sign_up(meeting, name) for name in ["Anna", "Bert", "Cor", "Dirk"]]
    eva = sign_up(meeting, "Eva")
    mail.outbox.clear()

    client.post(reverse("registration-cancel", args=[anna.manage_token]))

    eva.refresh_from_db()
    assert eva.status == Status.CONFIRMED
    assert ["eva@example.org"] in [m.to for m in mail.outbox]


# --- registering on behalf -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("anonymous", 302),
        ("organiser", 200),
        ("facilitator", 200),
        ("partner", 403),
        ("trainer", 403),
        ("outsider", 403),
    ],
)
def test_who_may_register_someone_on_their_behalf(client_for, meeting, persona, status):
    response = client_for(persona).get(reverse("registration-on-behalf", args=[meeting.pk]))

    assert response.status_code == status
    if persona == "anonymous":
        assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("persona", ["partner", "trainer", "outsider"])
def test_those_who_may_not_register_on_behalf_cannot_post_either(client_for, meeting, persona):
    response = client_for(persona).post(
        reverse("registration-on-behalf", args=[meeting.pk]),
        form_data(source="phone", language="nl"),
    )

    assert response.status_code == 403
    assert not Registration.objects.exists()


@pytest.mark.parametrize("persona", ["organiser", "facilitator"])
def test_a_volunteer_registers_someone_by_phone_and_sees_the_code(client_for, meeting, persona):
    client = client_for(persona)

    response = client.post(
        reverse("registration-on-behalf", args=[meeting.pk]),
        form_data(email="", phone="0612345678", first_name="Gerrit", source="paper", language="nl"),
    )

    registration = Registration.objects.get()
    assert response.status_code == 302
    assert response.url == reverse(
        "registration-on-behalf-done", args=[meeting.pk, registration.pk]
    )
    assert registration.source == Registration.Source.PAPER
    assert (
        registration.registered_by.email
        == f"{'olga' if persona == 'organiser' else 'fenna'}@example.org"
    )
    done = client.get(response.url)
    assert done.status_code == 200
    assert registration.check_in_code in done.content.decode()
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("anonymous", 302),
        ("facilitator", 200),
        ("organiser", 200),
        ("other_facilitator", 404),
        ("partner", 404),
        ("trainer", 404),
        ("outsider", 404),
    ],
)
def test_the_on_behalf_result_is_only_for_who_registered_them_and_organisers(
    client_for, meeting, facilitator, persona, status
):
    registration = registering.register(
        meeting=meeting,
        first_name="Gerrit",
        email="gerrit@example.org",
        source="phone",
        registered_by=facilitator.person.user,
    )
    url = reverse("registration-on-behalf-done", args=[meeting.pk, registration.pk])

    response = client_for(persona).get(url)

    assert response.status_code == status
    if status == 200:
        assert registration.check_in_code in response.content.decode()
    else:
        assert registration.check_in_code not in response.content.decode()


@pytest.mark.parametrize("persona", ["organiser", "facilitator"])
def test_a_registration_from_the_public_form_has_no_on_behalf_result_for_volunteers(
    client_for, meeting, persona
):
    registration = sign_up(meeting, "Anna")
    url = reverse("registration-on-behalf-done", args=[meeting.pk, registration.pk])

    expected = 200 if persona == "organiser" else 404
    assert client_for(persona).get(url).status_code == expected


def test_the_on_behalf_result_of_an_unknown_registration_is_not_found(client_for, meeting):
    url = reverse("registration-on-behalf-done", args=[meeting.pk, 999999])

    assert client_for("organiser").get(url).status_code == 404


def test_the_on_behalf_form_keeps_values_and_shows_errors_next_to_the_field(client_for, meeting):
    response = client_for("organiser").post(
        reverse("registration-on-behalf", args=[meeting.pk]),
        form_data(email="", first_name="Gerrit", source="phone", language="nl"),
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_email_error"' in html
    assert 'value="Gerrit"' in html


# --- the organiser's list --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("anonymous", 302),
        ("organiser", 200),
        ("facilitator", 403),
        ("partner", 403),
        ("trainer", 403),
        ("outsider", 403),
    ],
)
def test_who_may_see_the_list_of_registrations(client_for, meeting, persona, status):
    response = client_for(persona).get(reverse("registration-list", args=[meeting.pk]))

    assert response.status_code == status


def test_the_list_shows_who_is_coming_and_the_waiting_list_in_order(client_for, meeting):
    poster = Channel.objects.create(
        series=meeting.series, kind=Channel.Kind.POSTER, label="Poster bij de bakker"
    )
    anna = sign_up(meeting, "Anna", companions=["Bert"], channel=poster)
    registering.register(
        meeting=meeting, first_name="Henk", phone="0612345678", source=Registration.Source.PHONE
    )
    sign_up(meeting, "Cor")
    first = sign_up(meeting, "Dirk")
    second = sign_up(meeting, "Eva", companions=["Fien"])
    Registration.objects.filter(pk=anna.pk).update(checked_in_at=timezone.now())

    response = client_for("organiser").get(reverse("registration-list", args=[meeting.pk]))

    html = response.content.decode()
    confirmed = html.split('id="confirmed-list"')[1].split("</table>")[0]
    waiting = html.split('id="waiting-list"')[1].split("</table>")[0]
    assert "Anna" in confirmed and "Bert" in confirmed and "Henk" in confirmed
    assert "Poster bij de bakker" in confirmed
    assert waiting.index(f'data-registration="{first.pk}"') < waiting.index(
        f'data-registration="{second.pk}"'
    )
    assert "Fien" in waiting
    assert "Dirk" not in confirmed


def test_the_list_needs_the_same_number_of_queries_for_many_registrations(
    client_for, neighbourhood, django_assert_max_num_queries
):
    meeting = make_meeting(neighbourhood, seats=(9, 9))
    poster = Channel.objects.create(series=meeting.series, kind=Channel.Kind.POSTER)
    for n in range(12):
        sign_up(meeting, f"Persoon{n}", companions=["Gast"], channel=poster)
    client = client_for("organiser")
    url = reverse("registration-list", args=[meeting.pk])
    client.get(url)

    with django_assert_max_num_queries(6):
        response = client.get(url)

    assert response.status_code == 200
    assert response.content.decode().count("data-registration=") == 24
