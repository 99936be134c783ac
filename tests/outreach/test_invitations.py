"""Email lists: importing a CSV file (all rows or nothing), sending each invitation once, and
never mailing an address again once it asked to stop."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from tests.builders import (
    make_channel,
    make_meeting,
    make_organisation,
    make_series,
    make_venue,
)
from tests.conftest import PERSONAS
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.outreach import invitations
from wijkdialoog.outreach.models import EmailOptOut, Invitation
from wijkdialoog.registrations.models import Channel

Kind = Channel.Kind


@pytest.fixture
def series(neighbourhood):
    return make_series(neighbourhood, theme="Thuis in je buurt")


@pytest.fixture
def meeting(series, organisation):
    return make_meeting(series, venue=make_venue(organisation))


@pytest.fixture
def email_list(series, meeting):
    return make_channel(series, Kind.EMAIL_LIST, meeting=meeting, label="Bewonersvereniging")


def upload(client, channel, content: bytes, name="lijst.csv"):
    return client.post(
        reverse("channel-email", args=[channel.pk]),
        {"file": SimpleUploadedFile(name, content, content_type="text/csv")},
    )


def row_errors(response) -> list[tuple[int, str]]:
    return [(e.row, e.code) for e in response.context["import_errors"]]


def test_a_valid_list_with_semicolons_and_a_byte_order_mark_is_imported(
    client_for, email_list, organiser
):
    content = (
        "\ufeffvoornaam;e-mail;taal\r\n"
        "Anneke;Anneke@Example.org;nl\r\n"
        "Tomasz;tomasz@example.org;English\r\n"
        ";familie@example.org;\r\n"
        "\r\n"
    ).encode()
    response = upload(client_for("organiser"), email_list, content)

    assert response.status_code == 302
    rows = list(email_list.invitations.values_list("first_name", "email", "language"))
    assert rows == [
        ("Anneke", "anneke@example.org", "nl"),
        ("", "familie@example.org", "nl"),
        ("Tomasz", "tomasz@example.org", "en"),
    ]
    assert all(i.imported_by == organiser.person.user for i in email_list.invitations.all())
    assert all(i.sent_at is None for i in email_list.invitations.all())
    assert not mail.outbox


def test_a_list_with_commas_and_extra_columns_is_imported(client_for, email_list):
    content = b'email,first_name,note\nrita@example.org,Rita,"buurvrouw, nr 3"\n'
    upload(client_for("organiser"), email_list, content)
    assert list(email_list.invitations.values_list("email", "first_name")) == [
        ("rita@example.org", "Rita")
    ]


def test_one_wrong_row_imports_nothing_and_every_wrong_row_is_named(client_for, email_list):
    content = (
        b"email;voornaam;taal\n"
        b"goed@example.org;Goed;nl\n"  # row 2
        b"geen-adres;Fout;nl\n"  # row 3: not an address
        b";Leeg;nl\n"  # row 4: missing
        b"goed@example.org;Dubbel;nl\n"  # row 5: duplicate of row 2
        b"ander@example.org;Taal;fr\n"  # row 6: unknown language
        b"GOED@example.org;Nogmaals;en\n"  # row 7: duplicate, other case
    )
    response = upload(client_for("organiser"), email_list, content)

    assert response.status_code == 200
    assert row_errors(response) == [
        (3, "email_invalid"),
        (4, "email_missing"),
        (5, "duplicate"),
        (6, "language_invalid"),
        (7, "duplicate"),
    ]
    assert not Invitation.objects.exists()
    assert not AuditEntry.objects.filter(action="channel.invitations_imported").exists()
    # The errors stand next to the upload field, one per row.
    errors = response.context["form"].errors["file"]
    assert len(errors) == 5
    html = response.content.decode()
    assert 'id="id_file_error"' in html
    assert 'aria-invalid="true"' in html


def test_row_errors_are_in_the_language_of_the_organiser(client_for, email_list):
    client = client_for("organiser")
    content = b"email\nfout\n"
    dutch = upload(client, email_list, content).context["import_errors"]
    client.cookies["wijkdialoog_language"] = "en"
    english = upload(client, email_list, content).context["import_errors"]
    for language, errors in (("nl", dutch), ("en", english)):
        with translation.override(language):
            assert errors == invitations._check_row(2, "fout", "", "")
        assert "fout" in errors[0].message


def test_a_file_without_an_email_column_or_not_in_utf8_is_refused(client_for, email_list):
    client = client_for("organiser")
    for content in (
        b"naam;telefoon\nRita;0612345678\n",
        "email\nJosé@example.org\n".encode("cp1252"),
        b"",
    ):
        response = upload(client, email_list, content)
        assert response.status_code == 200
        assert response.context["form"].errors["file"]
    assert not Invitation.objects.exists()


def test_addresses_that_asked_to_stop_are_skipped_not_refused(client_for, email_list, organisation):
    EmailOptOut.objects.create(organisation=organisation, email="stop@example.org")
    # Another organisation's opt-out list does not count here.
    EmailOptOut.objects.create(organisation=make_organisation(), email="elders@example.org")
    content = b"email\nwel@example.org\nSTOP@example.org\nelders@example.org\n"

    checked = invitations.read_invitation_list(content, channel=email_list)

    assert checked.errors == []
    assert checked.opted_out == [3]
    assert [r.email for r in checked.rows] == ["wel@example.org", "elders@example.org"]
    response = upload(client_for("organiser"), email_list, content)
    assert response.status_code == 302
    assert set(email_list.invitations.values_list("email", flat=True)) == {
        "wel@example.org",
        "elders@example.org",
    }


def test_importing_the_same_list_again_adds_only_new_addresses(client_for, email_list):
    client = client_for("organiser")
    upload(client, email_list, b"email\neen@example.org\n")
    upload(client, email_list, b"email\neen@example.org\ntwee@example.org\n")
    assert email_list.invitations.count() == 2
    entries = AuditEntry.objects.filter(action="channel.invitations_imported").order_by("pk")
    assert [e.payload for e in entries] == [
        {"imported": 1, "skipped_opted_out": 0, "skipped_already_invited": 0},
        {"imported": 1, "skipped_opted_out": 0, "skipped_already_invited": 1},
    ]


def test_the_audit_log_of_an_import_holds_counts_and_no_addresses(client_for, email_list):
    upload(client_for("organiser"), email_list, b"email\ngeheim@example.org\n")
    entry = AuditEntry.objects.get(action="channel.invitations_imported")
    assert entry.subject == email_list
    assert "geheim" not in str(entry.payload) + entry.object_repr


def test_only_email_list_channels_take_addresses(client_for, series):
    poster = make_channel(series, Kind.POSTER)
    response = upload(client_for("organiser"), poster, b"email\nrita@example.org\n")
    assert response.status_code == 302
    assert response["Location"] == reverse("channel-list", args=[series.pk])
    assert not Invitation.objects.exists()


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_organiser_sees_and_imports_an_email_list(client_for, persona, email_list):
    client = client_for(persona)
    expected = {"organiser": 200, "anonymous": 302}.get(persona, 403)
    assert client.get(reverse("channel-email", args=[email_list.pk])).status_code == expected
    response = upload(client, email_list, b"email\nrita@example.org\n")
    assert response.status_code == (302 if persona in ("organiser", "anonymous") else 403)
    assert Invitation.objects.exists() == (persona == "organiser")


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_organiser_sends_the_invitations(client_for, persona, email_list):
    email_list.invitations.create(email="rita@example.org")
    response = client_for(persona).post(reverse("channel-send", args=[email_list.pk]))
    assert response.status_code == (302 if persona in ("organiser", "anonymous") else 403)
    assert len(mail.outbox) == (1 if persona == "organiser" else 0)


def test_sending_mails_each_invitation_once_in_its_own_language(
    client_for, email_list, organisation
):
    email_list.invitations.create(email="anneke@example.org", first_name="Anneke", language="nl")
    email_list.invitations.create(email="iris@example.org", first_name="Iris", language="en")
    EmailOptOut.objects.create(organisation=organisation, email="stop@example.org")
    email_list.invitations.create(email="stop@example.org")
    client = client_for("organiser")

    client.post(reverse("channel-send", args=[email_list.pk]))
    client.post(reverse("channel-send", args=[email_list.pk]))

    assert sorted(m.to[0] for m in mail.outbox) == ["anneke@example.org", "iris@example.org"]
    sent = email_list.invitations.filter(sent_at__isnull=False)
    assert set(sent.values_list("email", flat=True)) == {
        "anneke@example.org",
        "iris@example.org",
    }
    entries = AuditEntry.objects.filter(action="channel.invitations_sent").order_by("pk")
    assert [e.payload for e in entries] == [{"queued": 2}, {"queued": 0}]
    page = client.get(reverse("channel-email", args=[email_list.pk]))
    assert (page.context["total"], page.context["sent"], page.context["pending"]) == (3, 2, 0)
    assert page.context["stopped"] == 1


def test_delivering_an_invitation_twice_sends_one_mail(email_list):
    invitation = email_list.invitations.create(email="rita@example.org")
    assert invitations.deliver_invitation(invitation.pk) is True
    assert invitations.deliver_invitation(invitation.pk) is False
    assert len(mail.outbox) == 1


def test_a_failed_send_can_be_tried_again(email_list, settings):
    invitation = email_list.invitations.create(email="rita@example.org")
    settings.MAILERS = {"default": {"BACKEND": "tests.registrations.failing_mail.Backend"}}
    with pytest.raises(ConnectionError):
        invitations.deliver_invitation(invitation.pk)
    invitation.refresh_from_db()
    assert invitation.sent_at is None


def test_the_invitation_mail_has_the_tracked_link_and_a_way_to_stop(email_list, meeting):
    invitation = email_list.invitations.create(
        email="rita@example.org", first_name="Rita", language="nl"
    )
    invitations.deliver_invitation(invitation.pk)

    message = mail.outbox[0]
    stop = f"http://testserver/afmelden/{invitation.opt_out_token}/"
    link = f"http://testserver/d/{email_list.code}/"
    assert message.to == ["rita@example.org"]
    assert message.extra_headers["List-Unsubscribe"] == f"<{stop}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.message()["List-Unsubscribe"] == f"<{stop}>"
    html = message.alternatives[0].content
    for body in (message.body, html):
        assert link in body
        assert stop in body
        assert "Thuis in je buurt" in body
        assert "Rita" in body
        assert "Buurthuis De Kers" in body
    assert "Thuis in je buurt" in message.subject


def test_the_invitation_mail_follows_the_invitees_language(email_list, meeting):
    dutch = email_list.invitations.create(email="nl@example.org", language="nl")
    english = email_list.invitations.create(email="en@example.org", language="en")
    invitations.deliver_invitation(dutch.pk)
    invitations.deliver_invitation(english.pk)
    weekday = timezone.localtime(meeting.starts_at).weekday()
    english_days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    dutch_days = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
    by_address = {m.to[0]: m.body for m in mail.outbox}
    assert dutch_days[weekday] in by_address["nl@example.org"]
    assert english_days[weekday] in by_address["en@example.org"]


def test_the_opt_out_page_asks_first_and_records_only_on_the_button(client, email_list):
    invitation = email_list.invitations.create(email="Rita@Example.org")
    url = reverse("invitation-opt-out", args=[invitation.opt_out_token])
    assert url == f"/afmelden/{invitation.opt_out_token}/"

    page = client.get(url)
    assert page.status_code == 200
    assert 'id="opt-out-button"' in page.content.decode()
    assert not EmailOptOut.objects.exists()

    done = client.post(url)
    assert done.status_code == 200
    opt_out = EmailOptOut.objects.get()
    assert (opt_out.organisation, opt_out.email) == (
        email_list.series.neighbourhood.organisation,
        "rita@example.org",
    )
    client.post(url)
    assert EmailOptOut.objects.count() == 1
    entry = AuditEntry.objects.get(action="channel.opt_out")
    assert "rita" not in (str(entry.payload) + entry.object_repr).lower()


def test_a_mail_program_can_unsubscribe_with_one_click_without_a_form_token(email_list):
    from django.test import Client

    invitation = email_list.invitations.create(email="rita@example.org")
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        f"/afmelden/{invitation.opt_out_token}/", {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert EmailOptOut.objects.filter(email="rita@example.org").exists()


def test_an_unknown_opt_out_link_is_a_friendly_not_found(client, db):
    response = client.get("/afmelden/onbekend/")
    assert response.status_code == 404
    assert client.post("/afmelden/onbekend/").status_code == 404
    assert not EmailOptOut.objects.exists()


def test_after_opting_out_no_list_of_the_organisation_mails_that_address_again(
    client, client_for, email_list, series
):
    invitation = email_list.invitations.create(email="rita@example.org")
    client.post(reverse("invitation-opt-out", args=[invitation.opt_out_token]))
    other_list = make_channel(series, Kind.EMAIL_LIST, label="Tweede lijst")
    queued = other_list.invitations.create(email="RITA@example.org")

    organiser = client_for("organiser")
    organiser.post(reverse("channel-send", args=[email_list.pk]))
    organiser.post(reverse("channel-send", args=[other_list.pk]))
    # Even a task that was queued before the opt-out sends nothing.
    assert invitations.deliver_invitation(queued.pk) is False

    assert mail.outbox == []
    checked = invitations.read_invitation_list(b"email\nrita@example.org\n", channel=other_list)
    assert checked.opted_out == [2] and checked.rows == []
