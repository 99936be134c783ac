"""The small-cell rule: a report never shows a group of fewer than 5 people. Small groups are
merged with a neighbouring group (for ordered groups such as ages) or gathered in "other,
fewer than 5 each"; when even that stays below 5 the breakdown is not shown at all.

A group of nobody (0) may show: it says who is missing without pointing at anyone.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace

from django.utils.translation import gettext as _

SMALL = 5


@dataclass(frozen=True)
class Cell:
    """One group: its label, the number of people, and (for age groups) the ages it spans and
    the number of inhabitants in it."""

    label: str
    count: int
    population: int | None = None
    low: int | None = None
    high: int | None = None
    keys: tuple[str, ...] = ()


def is_small(count: int) -> bool:
    return 0 < count < SMALL


def age_label(low: int | None, high: int | None) -> str:
    """ "younger than 15", "15 to 25", "65 or older": the way CBS names its groups."""
    if not low:
        return _("younger than %(high)s") % {"high": high}
    if high is None:
        return _("%(low)s or older") % {"low": low}
    return _("%(low)s to %(high)s") % {"low": low, "high": high}


def _merge(first: Cell, second: Cell) -> Cell:
    population = (
        None
        if first.population is None or second.population is None
        else first.population + second.population
    )
    return replace(
        first,
        label=age_label(first.low, second.high),
        count=first.count + second.count,
        population=population,
        high=second.high,
        keys=first.keys + second.keys,
    )


def _neighbour(cells: list[Cell], index: int) -> int:
    """The neighbour to merge with: the smaller one that has people, else any."""
    candidates = [j for j in (index - 1, index + 1) if 0 <= j < len(cells)]
    with_people = [j for j in candidates if cells[j].count > 0] or candidates
    return min(with_people, key=lambda j: (cells[j].count, j))


def merge_ordered(cells: Sequence[Cell]) -> list[Cell]:
    """Ordered groups (ages): a small group merges with a neighbour until none is small."""
    merged = list(cells)
    while len(merged) > 1:
        small = [i for i, cell in enumerate(merged) if is_small(cell.count)]
        if not small:
            break
        index = min(small, key=lambda i: (merged[i].count, i))
        first, second = sorted((index, _neighbour(merged, index)))
        merged[first : second + 1] = [_merge(merged[first], merged[second])]
    if len(merged) == 1 and is_small(merged[0].count):
        return []
    return merged


def gather_others(cells: Sequence[Cell]) -> list[Cell]:
    """Unordered groups (channels, relations): small groups go together in "other"; when that
    stays small, the smallest shown group joins it, until it is large enough."""
    shown = [cell for cell in cells if not is_small(cell.count)]
    others = [cell for cell in cells if is_small(cell.count)]
    while others and sum(cell.count for cell in others) < SMALL:
        movable = [cell for cell in shown if cell.count > 0]
        if not movable:
            return []
        smallest = min(movable, key=lambda cell: cell.count)
        shown.remove(smallest)
        others.append(smallest)
    if others:
        shown.append(
            Cell(
                label=_("other (fewer than 5 each)")
                if all(is_small(cell.count) for cell in others)
                else _("other"),
                count=sum(cell.count for cell in others),
                keys=tuple(key for cell in others for key in cell.keys),
            )
        )
    return shown
