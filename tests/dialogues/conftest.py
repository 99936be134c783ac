import pytest

from tests.builders import make_meeting, make_series, make_table, make_venue


@pytest.fixture
def venue(organisation):
    return make_venue(organisation)


@pytest.fixture
def series(neighbourhood):
    return make_series(neighbourhood, theme="Thuis in de Kersenbuurt", slug="thuis")


@pytest.fixture
def meeting(series, venue):
    return make_meeting(series, venue=venue, days=10)


@pytest.fixture
def unpublished_meeting(series, venue):
    return make_meeting(series, venue=venue, days=60, published=False)


@pytest.fixture
def table(meeting):
    return make_table(meeting, number=1, seats=8)
