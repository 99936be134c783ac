"""Which language version of a method a table follows."""

import pytest

from tests.builders import make_meeting, make_series, make_table
from wijkdialoog.methods.models import Method
from wijkdialoog.methods.selection import method_for_table


def make_versions(organisation, family, languages):
    return {
        language: Method.objects.create(
            organisation=organisation, family=family, language=language, name=f"{family} {language}"
        )
        for language in languages
    }


@pytest.fixture
def meeting(neighbourhood):
    return make_meeting(make_series(neighbourhood))


@pytest.mark.parametrize(
    ("table_language", "expected"),
    [("nl", "nl"), ("en", "en"), ("nl-eenvoudig", "nl"), ("other", "nl")],
)
def test_a_table_gets_the_version_of_the_meeting_method_in_its_language(
    organisation, meeting, table_language, expected
):
    versions = make_versions(organisation, "eigen-dialoog", ["nl", "en"])
    meeting.method = versions["nl"]
    meeting.save()
    table = make_table(meeting, language=table_language)

    assert method_for_table(table) == versions[expected]


def test_an_english_table_falls_back_to_the_dutch_version(organisation, meeting):
    versions = make_versions(organisation, "alleen-nl", ["nl"])
    meeting.series.default_method = versions["nl"]
    meeting.series.save()
    table = make_table(meeting, language="en")

    assert method_for_table(table) == versions["nl"]


def test_a_dutch_table_falls_back_to_whatever_version_exists(organisation, meeting):
    versions = make_versions(organisation, "alleen-en", ["en"])
    meeting.method = versions["en"]
    meeting.save()
    table = make_table(meeting, language="nl")

    assert method_for_table(table) == versions["en"]


def test_the_version_comes_from_the_same_organisation(organisation, other_organisation, meeting):
    own = make_versions(organisation, "gedeeld", ["nl"])
    make_versions(other_organisation, "gedeeld", ["nl", "en"])
    meeting.method = own["nl"]
    meeting.save()
    table = make_table(meeting, language="en")

    assert method_for_table(table) == own["nl"]


def test_a_meeting_without_a_method_gives_none(meeting):
    assert method_for_table(make_table(meeting, language="en")) is None
