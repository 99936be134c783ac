import pytest

from tests.synthesis.themes_data import make_harvest
from wijkdialoog.synthesis import sorting


@pytest.fixture
def harvest(neighbourhood):
    """24 cards of one meeting in three clear themes, with their real vectors."""
    return make_harvest(neighbourhood)


@pytest.fixture
def series(harvest):
    return harvest[0].meeting.series


@pytest.fixture
def suggested(series, organiser):
    """The system's suggestions for `series`, three themes."""
    return sorting.suggest_themes(series=series, actor=organiser.person.user, k=3)


def by_text(cards, start: str):
    return next(card for card in cards if card.text.startswith(start))
