"""Wijkdialogen in beweging: only the published reports and stories of organisations that
share them, filtered by words, theme, neighbourhood, year and kind, in a fixed number of
queries, with no personal data."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.builders import make_harvest_meeting
from tests.learning.collection_helpers import (
    URL,
    neighbourhood_of,
    published_meeting_report,
    published_story,
    share,
)
from wijkdialoog.learning.collection_entries import PER_PAGE, EntryKind, all_entries
from wijkdialoog.reporting import reports
from wijkdialoog.reporting.reports_render import public_path
from wijkdialoog.synthesis import story
from wijkdialoog.synthesis.models import Theme


def titles(client, **query) -> list[str]:
    page = client.get(URL, query)
    assert page.status_code == 200
    return [entry.title for entry in page.context["collection"].page.object_list]


def test_nothing_shows_while_no_organisation_shares(client, neighbourhood):
    published_meeting_report(neighbourhood)
    published_story(neighbourhood)

    assert all_entries() == []
    assert "0 verslagen en verhalen gevonden" in client.get(URL).content.decode()


def test_a_sharing_organisation_shows_its_reports_and_stories_with_links(
    client, neighbourhood, organisation
):
    meeting = published_meeting_report(neighbourhood, theme="Groen in de buurt")
    published_story(neighbourhood, title="Het verhaal van de Kersenbuurt")
    share(organisation)

    entries = all_entries()

    assert {entry.kind for entry in entries} == {EntryKind.MEETING_REPORT, EntryKind.STORY}
    report_entry = next(e for e in entries if e.kind == EntryKind.MEETING_REPORT)
    assert report_entry.themes == ("Groen in de buurt",)
    assert report_entry.neighbourhood == "Kersenbuurt"
    assert report_entry.organisation == organisation.name
    assert report_entry.year == meeting.starts_at.year
    assert report_entry.path == public_path(meeting.report)
    body = client.get(URL).content.decode()
    assert "Het verhaal van de Kersenbuurt" in body
    assert public_path(meeting.report) in body
    assert client.get(report_entry.path).status_code == 200
    story_entry = next(e for e in entries if e.kind == EntryKind.STORY)
    assert client.get(story_entry.path).status_code == 200


def test_a_series_report_shows_too(client, neighbourhood, organisation, organiser):
    meeting = published_meeting_report(neighbourhood)
    reports.publish(subject=meeting.series, actor=organiser.person.user)
    share(organisation)

    kinds = sorted(entry.kind.value for entry in all_entries())

    assert kinds == [EntryKind.MEETING_REPORT.value, EntryKind.SERIES_REPORT.value]


def test_never_an_unpublished_offline_or_unshared_one(
    client, neighbourhood, organisation, other_organisation, organiser
):
    share(organisation)
    offline = published_meeting_report(neighbourhood)
    reports.unpublish(subject=offline, actor=organiser.person.user)
    withdrawn = published_story(neighbourhood)
    story.withdraw_story(series=withdrawn.series, actor=None)
    # A report written but never published, and a published meeting taken back to draft.
    reports.save_texts(
        subject=make_harvest_meeting(neighbourhood, days=-2), actor=None, context="Nog geheim"
    )
    unpublished_meeting = published_meeting_report(neighbourhood)
    unpublished_meeting.publish_at = None
    unpublished_meeting.save(update_fields=["publish_at"])
    cancelled = published_meeting_report(neighbourhood)
    cancelled.cancelled_at = timezone.now()
    cancelled.save(update_fields=["cancelled_at"])
    # Another organisation that never chose to share.
    published_meeting_report(neighbourhood_of(other_organisation, "Appelwijk"))

    assert all_entries() == []


def test_an_organisation_that_stops_sharing_disappears_at_once(client, neighbourhood, organisation):
    published_meeting_report(neighbourhood)
    share(organisation)
    assert len(titles(client)) == 1

    share(organisation, shares=False)

    assert titles(client) == []


def test_only_themes_a_person_named_show(neighbourhood, organisation):
    meeting = published_meeting_report(neighbourhood, theme="Samen spelen")
    Theme.objects.create(series=meeting.series, name="Voorstel van de computer", curated=False)
    share(organisation)

    assert [entry.themes for entry in all_entries()] == [("Samen spelen",)]


@pytest.fixture
def two_sharing(neighbourhood, organisation, other_organisation):
    published_meeting_report(neighbourhood, theme="Groen in de buurt")
    published_meeting_report(neighbourhood_of(other_organisation, "Appelwijk"), theme="Veilig")
    published_story(neighbourhood_of(other_organisation, "Perenbuurt"), title="Perenverhaal")
    share(organisation)
    share(other_organisation)


def test_filters_by_theme_neighbourhood_year_kind_and_words(client, two_sharing):
    assert len(titles(client)) == 3
    assert len(titles(client, theme="Veilig")) == 1
    assert len(titles(client, neighbourhood="Appelwijk")) == 1
    assert titles(client, kind=EntryKind.STORY.value) == ["Perenverhaal"]
    assert len(titles(client, year=str(timezone.now().year))) == 3
    assert titles(client, year="1999") == []
    assert len(titles(client, q="groen kersenbuurt")) == 1
    assert titles(client, q="perenbuurt") == ["Perenverhaal"]
    assert len(titles(client, q="andere stichting")) == 2


def test_each_filter_shows_counts_under_the_other_filters(client, two_sharing):
    page = client.get(URL, {"neighbourhood": "Appelwijk"})
    options = page.context["collection"].options

    themes = {option.value: option.count for option in options["theme"]}
    assert themes == {"Veilig": 1}
    places = {option.value: option.count for option in options["neighbourhood"]}
    assert places == {"Appelwijk": 1, "Kersenbuurt": 1, "Perenbuurt": 1}
    assert 'value="Appelwijk" selected' in page.content.decode()


def test_the_collection_is_paged_with_the_filters_kept(client, neighbourhood, organisation):
    for _number in range(PER_PAGE + 1):
        published_story(neighbourhood)
    share(organisation)

    first = client.get(URL, {"kind": EntryKind.STORY.value})
    second = client.get(URL, {"kind": EntryKind.STORY.value, "page": 2})

    assert len(first.context["collection"].page.object_list) == PER_PAGE
    assert "kind=story&amp;page=2" in first.content.decode()
    assert len(second.context["collection"].page.object_list) == 1


def test_no_personal_data_shows(client, neighbourhood, organisation, organiser):
    published_meeting_report(neighbourhood)
    share(organisation)

    body = client.get(URL).content.decode()

    for personal in ("Olga", "olga@example.org", "Org", "Rita"):
        assert personal not in body


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(URL).status_code == 200
    return len(captured)


def test_a_fixed_number_of_queries_whatever_the_number_of_entries(
    client, neighbourhood, organisation, other_organisation
):
    share(organisation)
    share(other_organisation)
    published_meeting_report(neighbourhood, theme="Groen")
    published_story(neighbourhood)
    few = _queries(client)
    for number in range(4):
        place = neighbourhood_of(other_organisation, f"Wijk {number}")
        published_meeting_report(place, theme=f"Thema {number}")
        published_story(place)

    assert _queries(client) == few == 3


def test_an_english_visitor_reads_the_collection_in_english(client, neighbourhood, organisation):
    meeting = published_meeting_report(neighbourhood)
    Theme.objects.create(series=meeting.series, name="Groen", name_en="Green", curated=True)
    share(organisation)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    body = client.get(URL).content.decode()

    assert "1 report or story found" in body
    assert "Report of a meeting" in body
    assert "Green" in body
