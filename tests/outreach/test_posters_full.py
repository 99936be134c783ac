"""A flyer or poster for a full meeting says so and invites people to the waiting list; in
English it shows the English theme when there is one (read back from the PDF with pdftotext)."""

import pytest
from django.utils import translation

from tests.builders import (
    make_channel,
    make_meeting,
    make_registration,
    make_series,
    make_venue,
)
from tests.outreach.test_posters import pdf_info, pdf_text
from wijkdialoog.dialogues.models import Table
from wijkdialoog.outreach import posters
from wijkdialoog.registrations.models import Channel


@pytest.fixture
def series(neighbourhood):
    return make_series(neighbourhood, theme="Erbij horen", slug="erbij-horen")


@pytest.fixture
def meeting(series, organisation):
    meeting = make_meeting(series, venue=make_venue(organisation))
    Table.objects.create(meeting=meeting, number=1, seats=4)
    return meeting


def fill(meeting, seats=4):
    for n in range(seats):
        make_registration(meeting, f"Buur{n}")


def render(channel, tmp_path, *, format="flyer", language="nl"):
    path = tmp_path / f"{format}-{language}.pdf"
    with translation.override(language):
        path.write_bytes(posters.render_pdf(channel, format=format))
    assert pdf_info(path)["Pages"].strip() == "1"
    return " ".join(pdf_text(path).split())


@pytest.mark.parametrize("format", ["flyer", "poster"])
def test_the_print_of_a_full_meeting_says_it_is_full_and_invites_to_the_waiting_list(
    series, meeting, tmp_path, format
):
    fill(meeting)
    channel = make_channel(series, Channel.Kind.FLYER, meeting=meeting)

    text = render(channel, tmp_path, format=format)

    assert "Deze bijeenkomst is vol." in text
    assert "wachtlijst" in text
    assert "Zet je op de wachtlijst" in text


def test_the_print_of_a_meeting_with_places_left_invites_to_sign_up(series, meeting, tmp_path):
    fill(meeting, seats=3)
    channel = make_channel(series, Channel.Kind.FLYER, meeting=meeting)

    text = render(channel, tmp_path)

    assert "vol" not in text.replace("volgende", "")
    assert "wachtlijst" not in text
    assert "Aanmelden" in text


def test_the_english_flyer_of_a_full_meeting_shows_the_english_theme(series, meeting, tmp_path):
    series.theme_en = "Belonging"
    series.save()
    fill(meeting)
    channel = make_channel(series, Channel.Kind.FLYER, meeting=meeting)

    text = render(channel, tmp_path, language="en")

    assert "Belonging" in text
    assert "Erbij horen" not in text
    assert "This meeting is full." in text
    assert "Join the waiting list" in text


def test_invitations_and_the_share_text_use_the_theme_in_the_readers_language(series, meeting):
    from django.core import mail

    from wijkdialoog.outreach import channels, invitations

    series.theme_en = "Belonging"
    series.save()
    email_list = make_channel(series, Channel.Kind.EMAIL_LIST, meeting=meeting)
    email_list.invitations.create(email="iris@example.org", first_name="Iris", language="en")
    email_list.invitations.create(email="anneke@example.org", first_name="Anneke", language="nl")

    for invitation in email_list.invitations.all():
        invitations.deliver_invitation(invitation.pk)

    by_address = {message.to[0]: message for message in mail.outbox}
    assert "Belonging" in by_address["iris@example.org"].subject
    assert "Belonging" in by_address["iris@example.org"].body
    assert "Erbij horen" in by_address["anneke@example.org"].body
    assert "Belonging" not in by_address["anneke@example.org"].body
    with translation.override("en"):
        assert "“Belonging”" in channels.share_text(email_list)
    with translation.override("nl"):
        assert "Erbij horen" in channels.share_text(email_list)
