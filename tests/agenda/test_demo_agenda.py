"""The demo's wijkagenda: the Kersenbuurt agenda is built from its harvest, 140 voters fall into
two recognisable opinion groups, and the published wijkagenda carries one divisive item with the
minority's condition, shown on the neighbourhood page."""

import pytest
from django.urls import reverse

from wijkdialoog.agenda.demo import DIVISIVE, MINORITY, PRIORITIES, VOTERS
from wijkdialoog.agenda.models import Agenda, AgendaItem, Statement, Voter
from wijkdialoog.site.management.commands.demo import load_demo


@pytest.fixture
def agenda(db):
    demo = load_demo()
    return Agenda.objects.get(series=demo["series"]["kersenbuurt"])


def test_statements_come_from_the_harvest(agenda):
    statements = Statement.objects.filter(agenda=agenda, status=Statement.Status.ACCEPTED)
    assert 20 <= statements.count() <= 30
    with_sources = statements.filter(source_cards__isnull=False).distinct().count()
    assert with_sources >= statements.count() // 2, "most statements link back to their cards"


def test_two_recognisable_groups_and_the_divisive_statement(agenda):
    result = agenda.analysis.result
    assert Voter.objects.filter(agenda=agenda).count() == VOTERS == result["n_voters"]
    sizes = sorted(group["size"] for group in result["groups"])
    assert len(sizes) == 2 and sizes[0] >= 0.3 * VOTERS, sizes
    assert DIVISIVE in result["divisive"][:3]
    top = set(result["consensus"][:8])
    assert len(top & set(PRIORITIES)) >= 3, "the priorities are what every group supports"


def test_published_wijkagenda_shows_the_minority_condition(agenda, client):
    assert agenda.published_at is not None
    item = AgendaItem.objects.get(agenda=agenda, divisive=True)
    assert item.statement.number == DIVISIVE
    assert item.minority_needs == MINORITY["minority_needs"]
    neighbourhood = agenda.series.neighbourhood
    page = client.get(
        reverse("neighbourhood-public", args=[neighbourhood.organisation.slug, neighbourhood.slug]),
        headers={"accept-language": "nl"},
    ).content.decode()
    assert agenda.title in page
    public = client.get(
        reverse(
            "wijkagenda-public",
            args=[neighbourhood.organisation.slug, neighbourhood.slug, agenda.pk],
        ),
        headers={"accept-language": "nl"},
    ).content.decode()
    assert "tot tien uur" in public
