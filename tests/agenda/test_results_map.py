"""What the results page reads from the analysis: consensus means support in every group, and the
group labels on the opinion map stay inside the map."""

import pytest

from tests.agenda.organiser_data import make_agenda
from tests.agenda.results_data import analysed
from tests.builders import make_series
from wijkdialoog.agenda.models import Analysis
from wijkdialoog.agenda.results import MAP_SIZE, results_for

pytestmark = pytest.mark.django_db


def test_consensus_lists_only_what_more_than_half_of_every_group_agrees_with(neighbourhood):
    agenda = make_agenda(make_series(neighbourhood), closed=True)
    analysed(agenda)
    results = results_for(agenda)
    assert [line.statement.number for line in results.consensus] == [1]


def test_without_groups_consensus_is_more_than_half_of_everyone(neighbourhood):
    agenda = make_agenda(make_series(neighbourhood), closed=True)
    analysed(agenda)
    analysis = Analysis.objects.get(agenda=agenda)
    analysis.result = {**analysis.result, "groups": [], "points": []}
    analysis.save()
    assert [line.statement.number for line in results_for(agenda).consensus] == [1, 2]


def test_group_labels_stay_inside_the_map(neighbourhood):
    agenda = make_agenda(make_series(neighbourhood), closed=True)
    analysed(agenda)
    for group in results_for(agenda).groups:
        x, y = group.label_at
        assert 30 <= x <= MAP_SIZE - 30
        assert 14 <= y <= MAP_SIZE
