"""Invitation channels: the tracked link, the channel list with its figures, adding channels."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation

from tests.builders import (
    make_channel,
    make_meeting,
    make_registration,
    make_series,
    make_venue,
)
from tests.conftest import PERSONAS
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.outreach import channels
from wijkdialoog.registrations.models import Channel, Registration

Kind = Channel.Kind
Status = Registration.Status


@pytest.fixture
def series(neighbourhood):
    return make_series(neighbourhood)


@pytest.fixture
def meeting(series, organisation):
    return make_meeting(series, venue=make_venue(organisation))


def test_the_tracked_link_is_the_site_address_with_the_channel_code(series, settings):
    settings.SITE_URL = "https://wijkdialoog.example.org"
    channel = make_channel(series)
    assert channels.tracked_url(channel) == f"https://wijkdialoog.example.org/d/{channel.code}/"


def test_the_tracked_link_remembers_the_channel_and_leads_to_its_meeting(client, series, meeting):
    channel = make_channel(series, Kind.FLYER, meeting=meeting)
    response = client.get(f"/d/{channel.code}/")
    assert response.status_code == 302
    assert response["Location"] == reverse("meeting-public", args=[meeting.pk])
    assert client.session[channels.SESSION_KEY] == channel.pk


def test_the_tracked_link_without_a_meeting_leads_to_the_neighbourhood_page(client, series):
    channel = make_channel(series, Kind.SHARE)
    response = client.get(reverse("channel-link", args=[channel.code]))
    assert response["Location"] == reverse(
        "neighbourhood-public", args=["buurtwerk-test", "kersenbuurt"]
    )
    assert client.session[channels.SESSION_KEY] == channel.pk


def test_the_tracked_link_of_a_past_meeting_leads_to_the_neighbourhood_page(client, series):
    past = make_meeting(series, days=-20)
    channel = make_channel(series, meeting=past)
    response = client.get(reverse("channel-link", args=[channel.code]))
    assert response["Location"] == reverse(
        "neighbourhood-public", args=["buurtwerk-test", "kersenbuurt"]
    )


def test_the_tracked_link_accepts_a_code_typed_in_capitals(client, series):
    channel = make_channel(series)
    response = client.get(f"/d/{channel.code.upper()}/")
    assert response.status_code == 302
    assert client.session[channels.SESSION_KEY] == channel.pk


def test_an_unknown_code_gives_a_friendly_not_found_page(client, db):
    response = client.get("/d/nietsbekend/")
    assert response.status_code == 404
    assert b'href="/"' in response.content
    assert channels.SESSION_KEY not in client.session


def test_the_channel_that_brought_someone_is_found_from_via_or_the_session(
    rf, series, meeting, neighbourhood
):
    channel = make_channel(series, Kind.POSTER)
    other_series = make_series(neighbourhood, theme="Ruimte voor verschil", slug="ruimte")
    elsewhere = make_channel(other_series, Kind.POSTER)

    request = rf.get("/", {"via": channel.code})
    request.session = {}
    assert channels.attributed_channel(request, meeting) == channel

    request = rf.get("/", {"via": elsewhere.code})
    request.session = {}
    assert channels.attributed_channel(request, meeting) is None

    request = rf.get("/")
    request.session = {channels.SESSION_KEY: channel.pk}
    assert channels.attributed_channel(request, meeting) == channel
    request.session = {channels.SESSION_KEY: elsewhere.pk}
    assert channels.attributed_channel(request, meeting) is None


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_organiser_sees_the_channel_list(client_for, persona, series):
    make_channel(series)
    response = client_for(persona).get(reverse("channel-list", args=[series.pk]))
    expected = {"organiser": 200, "anonymous": 302}.get(persona, 403)
    assert response.status_code == expected
    if persona == "anonymous":
        assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_organiser_adds_a_channel(client_for, persona, series):
    response = client_for(persona).post(
        reverse("channel-list", args=[series.pk]), {"kind": Kind.POSTER, "label": "Bibliotheek"}
    )
    assert response.status_code == (302 if persona in ("organiser", "anonymous") else 403)
    assert Channel.objects.filter(label="Bibliotheek").exists() == (persona == "organiser")


def test_the_organiser_adds_a_channel_for_one_meeting_and_it_is_logged(
    client_for, series, meeting, organiser
):
    response = client_for("organiser").post(
        reverse("channel-list", args=[series.pk]),
        {"kind": Kind.FLYER, "label": "Flyers Kersenplein", "meeting": meeting.pk},
    )
    assert response.status_code == 302
    channel = Channel.objects.get(label="Flyers Kersenplein")
    assert (channel.series, channel.meeting, channel.kind) == (series, meeting, Kind.FLYER)
    assert len(channel.code) == 7
    entry = AuditEntry.objects.get(action="channel.created")
    assert entry.actor == organiser.person.user
    assert entry.payload == {"kind": "flyer", "meeting": meeting.pk}


def test_a_channel_cannot_point_at_a_meeting_of_another_series(client_for, series, neighbourhood):
    other = make_meeting(make_series(neighbourhood, theme="Erbij horen", slug="erbij"))
    response = client_for("organiser").post(
        reverse("channel-list", args=[series.pk]), {"kind": Kind.POSTER, "meeting": other.pk}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["meeting"]
    assert not Channel.objects.exists()


def test_a_channel_needs_a_known_kind(client_for, series):
    response = client_for("organiser").post(
        reverse("channel-list", args=[series.pk]), {"kind": "billboard"}
    )
    assert response.context["form"].errors["kind"]
    assert not Channel.objects.exists()


def test_the_list_counts_who_signed_up_and_who_came_per_channel(client_for, series, meeting):
    poster = make_channel(series, Kind.POSTER, label="Bibliotheek")
    share = make_channel(series, Kind.SHARE)
    unused = make_channel(series, Kind.DOOR_TO_DOOR)
    make_registration(meeting, "Anneke", channel=poster, checked_in=True)
    make_registration(meeting, "Mohamed", channel=poster)
    make_registration(meeting, "Joke", channel=poster, status=Status.CANCELLED)
    make_registration(meeting, "Daan", channel=poster, status=Status.WAITING)
    make_registration(meeting, "Fatma", channel=share, checked_in=True)
    make_registration(meeting, "Wim", checked_in=True)
    make_registration(meeting, "Iris")

    response = client_for("organiser").get(reverse("channel-list", args=[series.pk]))

    figures = response.context["figures"]
    by_pk = {c.pk: (c.registered, c.came) for c in figures.channels}
    assert by_pk == {poster.pk: (3, 1), share.pk: (1, 1), unused.pk: (0, 0)}
    assert (figures.registered, figures.came) == (4, 2)
    assert (figures.untracked_registered, figures.untracked_came) == (2, 1)
    assert (figures.total_registered, figures.total_came) == (6, 3)
    html = response.content.decode()
    assert f"http://testserver/d/{poster.code}/" in html
    assert reverse("channel-poster", args=[poster.pk]) in html
    assert reverse("channel-share", args=[share.pk]) in html


def test_figures_of_another_series_are_not_counted(series, meeting, neighbourhood):
    channel = make_channel(series)
    other_meeting = make_meeting(make_series(neighbourhood, theme="Erbij horen", slug="erbij"))
    make_registration(other_meeting, "Henk")
    make_registration(meeting, "Ria", channel=channel)
    figures = channels.series_figures(series)
    assert (figures.registered, figures.untracked_registered) == (1, 0)


def test_the_channel_list_needs_the_same_number_of_queries_for_many_channels(
    client_for, series, meeting, django_assert_max_num_queries
):
    client = client_for("organiser")
    make_channel(series, Kind.POSTER, meeting=meeting)
    make_registration(meeting, "Eerste", channel=Channel.objects.get())
    url = reverse("channel-list", args=[series.pk])
    client.get(url)  # the session and the roles settle on the first request

    with django_assert_max_num_queries(9) as few:
        client.get(url)
    for number in range(12):
        channel = make_channel(series, Kind.EMAIL_LIST, meeting=meeting, label=f"Lijst {number}")
        make_registration(meeting, f"Naam {number}", channel=channel, checked_in=True)
        channel.invitations.create(email=f"buur{number}@example.org")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert len(response.context["figures"].channels) == 13


def test_the_figures_include_shows_the_counts_of_a_series(series, meeting, rf):
    channel = make_channel(series, Kind.POSTER, label="Bibliotheek")
    make_registration(meeting, channel=channel, checked_in=True)
    html = render_to_string(
        "outreach/includes/channel_stats.html", {"series": series}, request=rf.get("/")
    )
    assert "Bibliotheek" in html
    assert reverse("channel-list", args=[series.pk]) in html
    assert "<caption>" in html


def test_the_next_meeting_is_the_first_published_one_still_to_come(series):
    make_meeting(series, days=-5)
    make_meeting(series, days=3, published=False)
    make_meeting(series, days=4, cancelled_at=timezone.now())
    expected = make_meeting(series, days=6)
    make_meeting(series, days=30)
    assert channels.next_meeting(series) == expected
    channel = make_channel(series)
    assert channels.meeting_for(channel) == expected
    pinned = make_meeting(series, days=40)
    channel.meeting = pinned
    assert channels.meeting_for(channel) == pinned


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_organiser_gets_the_share_text(client_for, persona, series):
    channel = make_channel(series, Kind.SHARE)
    response = client_for(persona).get(reverse("channel-share", args=[channel.pk]))
    assert response.status_code == {"organiser": 200, "anonymous": 302}.get(persona, 403)


def test_the_share_page_has_the_text_with_the_link_and_a_whatsapp_link(client_for, series, meeting):
    channel = make_channel(series, Kind.SHARE)
    response = client_for("organiser").get(reverse("channel-share", args=[channel.pk]))
    text = response.context["text"]
    link = f"http://testserver/d/{channel.code}/"
    assert link in text
    assert "Thuis in je buurt" in text
    assert "Buurthuis De Kers" in text
    html = response.content.decode()
    assert "readonly" in html and 'id="share-text"' in html
    assert response.context["whatsapp_url"].startswith("https://wa.me/?text=")
    assert "http%3A%2F%2Ftestserver%2Fd%2F" + channel.code in response.context["whatsapp_url"]
    # The copy button is an enhancement: hidden without JavaScript, its script a static file.
    assert 'id="copy-button"' in html and "hidden" in html
    assert "/static/outreach/copy.js" in html
    assert "<script>" not in html


def test_the_share_text_is_in_the_language_of_the_page(client_for, series, meeting):
    channel = make_channel(series, Kind.SHARE)
    client = client_for("organiser")
    dutch = client.get(reverse("channel-share", args=[channel.pk])).context["text"]
    client.cookies["wijkdialoog_language"] = "en"
    english = client.get(reverse("channel-share", args=[channel.pk])).context["text"]
    starts = timezone.localtime(meeting.starts_at)
    for language, text in (("nl", dutch), ("en", english)):
        with translation.override(language):
            assert formats.date_format(starts, "l j F") in text


def test_the_share_text_without_a_coming_meeting_still_has_the_link(series):
    make_meeting(series, days=-3)
    channel = make_channel(series, Kind.SHARE)
    text = channels.share_text(channel)
    assert channels.tracked_url(channel) in text


def test_the_demo_has_a_channel_of_each_kind_for_the_registration_demo(db):
    from wijkdialoog.community import demo as community_demo
    from wijkdialoog.core.demo_support import DemoContext
    from wijkdialoog.dialogues import demo as dialogues_demo
    from wijkdialoog.outreach import demo as demo_channels
    from wijkdialoog.outreach.models import EmailOptOut

    context = DemoContext()
    community_demo.load(context)
    dialogues_demo.load(context)
    demo_channels.load(context)

    made = context["channels"]
    assert set(made) == {
        Kind.POSTER,
        Kind.FLYER,
        Kind.DOOR_TO_DOOR,
        Kind.SHARE,
        Kind.PARTNER_NEWSLETTER,
        Kind.EMAIL_LIST,
    }
    assert {c.series for c in made.values()} == {context["series"]["kersenbuurt"]}
    assert made[Kind.POSTER].meeting == context["meetings"]["kersenbuurt_next"]
    email_list = made[Kind.EMAIL_LIST]
    assert email_list.invitations.filter(sent_at__isnull=False).count() >= 3
    assert EmailOptOut.objects.exists()
    # What is left to send leaves out the address that asked to stop.
    from wijkdialoog.outreach import invitations

    pending = set(invitations.pending_invitations(email_list).values_list("email", flat=True))
    assert demo_channels.OPTED_OUT not in pending and pending
