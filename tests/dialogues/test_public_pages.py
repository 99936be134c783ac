"""What residents see without an account: neighbourhood pages, meeting pages, calendars."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from tests.builders import (
    make_meeting,
    make_person,
    make_registration,
    make_series,
    make_table,
    make_venue,
)
from wijkdialoog.community.models import Neighbourhood


def _fill(meeting, organisation, count):
    for _ in range(count):
        make_registration(meeting, make_person(organisation, first_name="Buur"))


def _neighbourhood_url(neighbourhood, name="neighbourhood-public"):
    return reverse(name, args=[neighbourhood.organisation.slug, neighbourhood.slug])


def test_a_meeting_page_with_places_has_a_register_button(client, meeting):
    make_table(meeting, seats=8)
    response = client.get(reverse("meeting-public", args=[meeting.pk]))
    html = response.content.decode()
    assert f'id="register-button" href="{reverse("meeting-register", args=[meeting.pk])}"' in html
    assert response.context is not None
    assert "wd-status--open" in html
    assert reverse("meeting-ics", args=[meeting.pk]) in html


def test_a_full_meeting_offers_the_waiting_list(client, meeting, organisation):
    make_table(meeting, seats=4)
    _fill(meeting, organisation, 4)
    html = client.get(reverse("meeting-public", args=[meeting.pk])).content.decode()
    assert "wd-status--full" in html
    assert f'href="{reverse("meeting-register", args=[meeting.pk])}"' in html


@pytest.mark.parametrize(
    ("extra", "state", "marker"),
    [
        ({"cancelled_at": "now"}, "cancelled", 'id="meeting-cancelled"'),
        ({"registration_closes_at": "past"}, "closed", 'id="registration-closed"'),
    ],
)
def test_a_closed_or_cancelled_meeting_has_no_register_button(client, series, extra, state, marker):
    now = timezone.now()
    values = {
        "cancelled_at": now if extra.get("cancelled_at") else None,
        "registration_closes_at": now - datetime.timedelta(hours=1)
        if extra.get("registration_closes_at")
        else None,
    }
    meeting = make_meeting(series, days=1, **values)
    make_table(meeting)
    html = client.get(reverse("meeting-public", args=[meeting.pk])).content.decode()
    assert f"wd-status--{state}" in html
    assert marker in html
    assert reverse("meeting-register", args=[meeting.pk]) not in html


def test_the_meeting_page_tells_where_and_how_accessible(client, series, organisation):
    venue = make_venue(
        organisation,
        name="Dorpshuis De Rietkraag",
        street_address="Dorpsstraat 4",
        step_free_entrance=True,
        hearing_loop=False,
        public_transport="Buurtbus 512",
    )
    meeting = make_meeting(series, venue=venue)
    html = client.get(reverse("meeting-public", args=[meeting.pk])).content.decode()
    assert "Dorpshuis De Rietkraag" in html
    assert "Dorpsstraat 4" in html
    assert "Buurtbus 512" in html
    assert 'id="accessibility-facts"' in html
    assert html.count("wd-fact--yes") == 1
    assert html.count("wd-fact--no") == 3
    assert series.theme in html
    assert "Koffie, thee en een goed gesprek." in html


def test_the_meeting_page_shows_the_date_in_dutch_and_in_dutch_time(client, series):
    starts = datetime.datetime(2031, 6, 3, 17, 30, tzinfo=datetime.UTC)
    meeting = make_meeting(series, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2))
    html = client.get(reverse("meeting-public", args=[meeting.pk])).content.decode()
    # 17:30 UTC is 19:30 in Amsterdam in summer; Dutch is the default language.
    assert "dinsdag 3 juni 2031" in html
    assert "19:30" in html
    assert "21:30" in html


def test_an_organiser_sees_a_preview_of_an_unpublished_meeting(client_for, unpublished_meeting):
    html = (
        client_for("organiser")
        .get(reverse("meeting-public", args=[unpublished_meeting.pk]))
        .content.decode()
    )
    assert 'id="preview-notice"' in html


def test_a_meeting_published_later_is_hidden_until_then(client, series):
    later = make_meeting(
        series, published=False, publish_at=timezone.now() + datetime.timedelta(days=3)
    )
    assert client.get(reverse("meeting-public", args=[later.pk])).status_code == 404
    assert client.get(reverse("meeting-ics", args=[later.pk])).status_code == 404


def test_the_neighbourhood_page_lists_published_meetings_to_come_and_recent_ones(
    client, series, neighbourhood
):
    soon = make_meeting(series, days=5)
    hidden = make_meeting(series, days=30, published=False)
    cancelled = make_meeting(series, days=8, cancelled_at=timezone.now())
    recent = make_meeting(series, days=-20)
    long_ago = make_meeting(series, days=-400)

    response = client.get(_neighbourhood_url(neighbourhood))

    assert response.context["upcoming"] == [soon, cancelled]
    assert response.context["past"] == [recent]
    html = response.content.decode()
    assert reverse("meeting-public", args=[hidden.pk]) not in html
    assert reverse("meeting-public", args=[long_ago.pk]) not in html
    assert _neighbourhood_url(neighbourhood, "neighbourhood-feed") in html


def test_the_neighbourhood_page_only_shows_its_own_meetings(client, series, organisation):
    other = Neighbourhood.objects.create(
        organisation=organisation, name="Rietveld", slug="rietveld"
    )
    elsewhere = make_meeting(make_series(other, slug="erbij"), days=5)
    make_meeting(series, days=5)
    response = client.get(_neighbourhood_url(other))
    assert response.context["upcoming"] == [elsewhere]


def test_the_neighbourhood_page_has_an_honest_empty_state(client, neighbourhood):
    response = client.get(_neighbourhood_url(neighbourhood))
    assert response.status_code == 200
    assert 'id="upcoming-meetings"' not in response.content.decode()


def test_the_feed_is_a_calendar_of_published_meetings(client, series, neighbourhood):
    soon = make_meeting(series, days=5)
    cancelled = make_meeting(series, days=8, cancelled_at=timezone.now())
    hidden = make_meeting(series, days=30, published=False)

    response = client.get(_neighbourhood_url(neighbourhood, "neighbourhood-feed"))

    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {f"meeting-{soon.pk}@wijkdialoog", f"meeting-{cancelled.pk}@wijkdialoog"}
    assert str(events[f"meeting-{cancelled.pk}@wijkdialoog"]["STATUS"]) == "CANCELLED"
    assert f"meeting-{hidden.pk}@wijkdialoog" not in events
    assert "Kersenbuurt" in str(calendar["X-WR-CALNAME"])


def test_the_meeting_calendar_file_downloads_and_parses(client, meeting):
    response = client.get(reverse("meeting-ics", args=[meeting.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert event.decoded("DTSTART") == meeting.starts_at
    assert str(event["URL"]).endswith(reverse("meeting-public", args=[meeting.pk]))


def test_the_home_page_lists_meetings_to_come_across_neighbourhoods(
    client, series, organisation, other_organisation
):
    elsewhere = Neighbourhood.objects.create(
        organisation=other_organisation, name="Dorp", slug="dorp"
    )
    here = make_meeting(series, days=3)
    there = make_meeting(make_series(elsewhere, slug="dorp"), days=6)
    make_meeting(series, days=9, published=False)
    make_meeting(series, days=4, cancelled_at=timezone.now())
    make_meeting(series, days=-2)

    response = client.get(reverse("home"))

    assert response.context["upcoming"] == [here, there]
    html = response.content.decode()
    assert reverse("meeting-public", args=[here.pk]) in html
    assert "Dorp" in html


def test_the_home_page_keeps_an_honest_empty_state(client, db):
    response = client.get(reverse("home"))
    assert response.context["upcoming"] == []
    assert 'id="upcoming-meetings"' not in response.content.decode()
    assert "wd-empty" in response.content.decode()
