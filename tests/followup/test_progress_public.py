"""Public progress: "Wat is er gebeurd met …" on the neighbourhood page (public items only, with
the latest update), its Atom feed, and celebrations in the neighbourhood's iCal feed."""

import xml.etree.ElementTree as ET

import pytest
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from tests.builders import make_meeting
from tests.followup.builders import past_meeting_with_actions
from tests.followup.initiative_builders import make_initiative
from wijkdialoog.followup import agreements, initiatives
from wijkdialoog.followup.models import Agreement

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def progress(neighbourhood, organiser):
    past, _people = past_meeting_with_actions(neighbourhood, days=-20)
    series = past.series
    garden = make_initiative(series, name="Moestuin achter De Kersenboom")
    initiatives.post_update(initiative=garden, text="De <b>bakken</b> staan er.", actor=organiser)
    make_initiative(series, name="Geheim plan", is_public=False)
    bench = Agreement.objects.create(series=series, title="Bankje bij de speeltuin", is_public=True)
    agreements.set_status(agreement=bench, status="klaar", text="Het staat er!", actor=organiser)
    hidden = Agreement.objects.create(series=series, title="Interne afspraak")
    agreements.set_status(agreement=hidden, status="bezig", text="Stil bezig.", actor=organiser)
    return garden, bench


def urls(neighbourhood):
    args = [neighbourhood.organisation.slug, neighbourhood.slug]
    return (
        reverse("neighbourhood-public", args=args),
        reverse("neighbourhood-progress-feed", args=args),
        reverse("neighbourhood-feed", args=args),
    )


def test_the_neighbourhood_page_shows_what_happened_with_public_items(neighbourhood, progress):
    page, feed, _ical = urls(neighbourhood)
    html = Client().get(page).content.decode()
    section = html.split('id="neighbourhood-progress"')[1].split("</section>")[0]
    assert "Moestuin achter De Kersenboom" in section and "Bankje bij de speeltuin" in section
    assert "Het staat er!" in section and "&lt;b&gt;bakken&lt;/b&gt;" in section
    assert "Geheim plan" not in html and "Interne afspraak" not in html
    assert "Stil bezig." not in html
    assert feed in section


def test_the_neighbourhood_page_in_english(neighbourhood, progress):
    page, _feed, _ical = urls(neighbourhood)
    html = Client().get(page, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "What happened with the plans for" in html


def test_the_atom_feed_lists_the_updates_of_public_items_only(neighbourhood, progress):
    _page, feed, _ical = urls(neighbourhood)
    response = Client().get(feed)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    entries = root.findall(f"{ATOM}entry")
    titles = [entry.find(f"{ATOM}title").text for entry in entries]
    assert len(entries) == 2
    assert "Moestuin achter De Kersenboom" in titles
    assert any(title.startswith("Bankje bij de speeltuin") for title in titles)
    assert b"Stil bezig" not in response.content and b"Geheim plan" not in response.content
    # Escaped as text in the HTML summary: no markup from an update gets through.
    assert b"<b>bakken" not in response.content


def test_the_atom_feed_of_an_unknown_neighbourhood_is_not_found(neighbourhood):
    url = reverse("neighbourhood-progress-feed", args=[neighbourhood.organisation.slug, "nergens"])
    assert Client().get(url).status_code == 404


def test_celebrations_are_in_the_neighbourhood_ical_feed(neighbourhood, organiser, progress):
    garden, _bench = progress
    party = make_meeting(garden.series, days=5, title="Oogstfeest")
    initiatives.celebrate(initiative=garden, meeting=party, story="Soep!", actor=organiser)
    secret = make_initiative(garden.series, name="Geheim feest", is_public=False)
    initiatives.celebrate(initiative=secret, meeting=None, story="", actor=organiser)
    dated = make_initiative(garden.series, name="Bloembakken")
    initiatives.celebrate(initiative=dated, meeting=None, story="Bloemen!", actor=organiser)
    _page, _feed, ical = urls(neighbourhood)
    calendar = Calendar.from_ical(Client().get(ical).content)
    events = {str(event["uid"]): event for event in calendar.walk("VEVENT")}
    party_event = events[f"initiative-{garden.pk}-celebration@wijkdialoog"]
    assert "Moestuin achter De Kersenboom" in str(party_event["summary"])
    assert party_event.decoded("dtstart") == party.starts_at
    assert f"initiative-{dated.pk}-celebration@wijkdialoog" in events
    assert f"initiative-{secret.pk}-celebration@wijkdialoog" not in events
    assert f"meeting-{party.pk}@wijkdialoog" in events  # the meetings are still there


def test_a_celebration_at_a_published_viering_is_one_event_in_the_ical_feed(
    neighbourhood, organiser, progress
):
    garden, _bench = progress
    party = make_meeting(garden.series, days=5, title="Oogstfeest", kind="viering")
    initiatives.celebrate(initiative=garden, meeting=party, story="Soep!", actor=organiser)
    later = make_meeting(garden.series, days=9, title="Nog niet bekend", kind="viering")
    later.publish_at = later.starts_at
    later.save(update_fields=["publish_at"])
    hidden_party = make_initiative(garden.series, name="Bloembakken")
    initiatives.celebrate(initiative=hidden_party, meeting=later, story="", actor=organiser)
    _page, _feed, ical = urls(neighbourhood)
    response = Client().get(ical)
    assert response.status_code == 200
    events = Calendar.from_ical(response.content).walk("VEVENT")
    uids = [str(event["uid"]) for event in events]
    # The viering's own event wins: the party is in the calendar once.
    assert f"meeting-{party.pk}@wijkdialoog" in uids
    assert f"initiative-{garden.pk}-celebration@wijkdialoog" not in uids
    starts = [event.decoded("dtstart") for event in events]
    assert starts.count(party.starts_at) == 1
    # A viering not yet published is in neither.
    assert f"meeting-{later.pk}@wijkdialoog" not in uids
    assert f"initiative-{hidden_party.pk}-celebration@wijkdialoog" not in uids
