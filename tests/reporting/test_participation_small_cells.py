"""The small-cell rule: no shown group has fewer than 5 people. Small ordered groups merge with
a neighbour, small unordered ones gather in "other", and too little is not shown at all."""

import itertools

import pytest
from django.utils import translation

from wijkdialoog.reporting.small_cells import (
    SMALL,
    Cell,
    age_label,
    gather_others,
    merge_ordered,
)


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


AGES = [(0, 15), (15, 25), (25, 45), (45, 65), (65, None)]


def ages(*counts: int, population=(150, 140, 270, 250, 190)) -> list[Cell]:
    return [
        Cell(
            label=age_label(low, high),
            count=count,
            population=inhabitants,
            low=low,
            high=high,
            keys=(str(low),),
        )
        for (low, high), count, inhabitants in zip(AGES, counts, population, strict=True)
    ]


def labels(cells):
    return [(cell.label, cell.count) for cell in cells]


def shown_counts_are_safe(cells) -> bool:
    return all(cell.count == 0 or cell.count >= SMALL for cell in cells)


def test_groups_of_five_or_more_and_empty_groups_stay_as_they_are():
    cells = merge_ordered(ages(0, 5, 12, 7, 9))

    assert [cell.count for cell in cells] == [0, 5, 12, 7, 9]


def test_a_small_age_group_merges_with_its_neighbour_that_has_people():
    cells = merge_ordered(ages(0, 2, 6, 5, 5))

    assert labels(cells) == [
        ("younger than 15", 0),
        ("15 to 45", 8),
        ("45 to 65", 5),
        ("65 or older", 5),
    ]
    # The inhabitants merge along, so the comparison stays fair.
    assert cells[1].population == 140 + 270
    assert cells[1].keys == ("15", "25")


def test_small_groups_keep_merging_until_none_is_small():
    cells = merge_ordered(ages(1, 1, 1, 1, 6))

    assert shown_counts_are_safe(cells)
    assert sum(cell.count for cell in cells) == 10


def test_too_few_people_in_all_shows_no_breakdown():
    assert merge_ordered(ages(1, 1, 0, 1, 1)) == []


def test_a_merged_group_at_the_top_says_or_older():
    cells = merge_ordered(ages(5, 5, 5, 5, 2))

    assert labels(cells)[-1] == ("45 or older", 7)


def test_no_age_breakdown_ever_shows_a_group_of_one_to_four():
    for counts in itertools.product([0, 1, 2, 4, 5, 9], repeat=5):
        cells = merge_ordered(ages(*counts))

        assert shown_counts_are_safe(cells), counts
        assert sum(cell.count for cell in cells) in (0, sum(counts)), counts


def nominal(*counts: int) -> list[Cell]:
    return [Cell(label=f"g{i}", count=count, keys=(f"g{i}",)) for i, count in enumerate(counts)]


def test_small_unordered_groups_gather_in_other():
    cells = gather_others(nominal(9, 3, 2, 6))

    assert labels(cells) == [("g0", 9), ("g3", 6), ("other (fewer than 5 each)", 5)]


def test_when_other_stays_small_the_smallest_shown_group_joins_it():
    cells = gather_others(nominal(9, 3, 6))

    assert labels(cells) == [("g0", 9), ("other", 9)]
    assert cells[1].keys == ("g1", "g2")


def test_too_few_unordered_people_shows_nothing():
    assert gather_others(nominal(3, 0, 1)) == []


def test_no_unordered_breakdown_ever_shows_a_group_of_one_to_four():
    for counts in itertools.product([0, 1, 3, 5, 8], repeat=5):
        cells = gather_others(nominal(*counts))

        assert shown_counts_are_safe(cells), counts
        assert sum(cell.count for cell in cells) in (0, sum(counts)), counts
