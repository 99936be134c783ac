"""The CBS age groups on both sides of the comparison: participants' answers (registrations'
age groups) and the neighbourhood's inhabitants (Population), and the sentences naming who is
missing."""

from collections import Counter
from collections.abc import Sequence

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Population
from .small_cells import SMALL, Cell, age_label, is_small, merge_ordered

# A group is missing when its share among the participants is below this part of its share in
# the neighbourhood, and it is at least MIN_POPULATION_SHARE percent of the neighbourhood.
MISSING_RATIO = 0.5
MIN_POPULATION_SHARE = 5.0

AgeCount = str


# (registration code, lowest age, age the group ends before, Population field, name in a sentence)
AGE_GROUPS: tuple[tuple[str, int, int | None, str, Promise], ...] = (
    ("u15", 0, 15, "age_0_15", gettext_lazy("children younger than 15")),
    ("15-24", 15, 25, "age_15_25", gettext_lazy("young people from 15 to 25")),
    ("25-44", 25, 45, "age_25_45", gettext_lazy("people from 25 to 45")),
    ("45-64", 45, 65, "age_45_65", gettext_lazy("people from 45 to 65")),
    ("65+", 65, None, "age_65_plus", gettext_lazy("people of 65 or older")),
)
# An old answer that falls wholly inside a CBS group still counts; the others do not compare.
OLD_COMPARABLE = {"75+": "65+"}


def comparable_age(code: str) -> AgeCount:
    """The CBS group of a registration's answer, or "" when unknown or not comparable."""
    if code in {group[0] for group in AGE_GROUPS}:
        return code
    return OLD_COMPARABLE.get(code, "")


def age_cells(known: Sequence[AgeCount], population: Population | None) -> list[Cell]:
    """The participants per CBS age group with the inhabitants in it, small groups merged."""
    if len(known) < SMALL:
        return []
    counts = Counter(known)
    usable = population is not None and population.has_age_groups
    cells = [
        Cell(
            label=age_label(low, high),
            count=counts.get(code, 0),
            population=getattr(population, field) if usable else None,
            low=low,
            high=high,
            keys=(code,),
        )
        for code, low, high, field, _name in AGE_GROUPS
    ]
    return merge_ordered(cells)


def _whole(number: float) -> str:
    return f"{number:.0f}"


def missing_sentences(known: Sequence[AgeCount], population: Population | None) -> list[str]:
    """Plain sentences for each age group that is clearly under-represented, such as "young
    people from 15 to 25: 14% of the neighbourhood, 3% of the participants". A group of 1 to 4
    participants is named as "fewer than 5", never as a number or a share."""
    if population is None or not population.has_age_groups or len(known) < SMALL:
        return []
    total = sum(value or 0 for value in population.age_counts())
    if not total:
        return []
    counts = Counter(known)
    sentences = []
    for code, _low, _high, field, name in AGE_GROUPS:
        inhabitants = getattr(population, field) or 0
        population_share = 100 * inhabitants / total
        count = counts.get(code, 0)
        share = 100 * count / len(known)
        if population_share < MIN_POPULATION_SHARE or share >= MISSING_RATIO * population_share:
            continue
        values = {"group": str(name).capitalize(), "population": _whole(population_share)}
        if is_small(count):
            sentences.append(
                _(
                    "%(group)s: %(population)s%% of the neighbourhood, "
                    "fewer than 5 of the participants."
                )
                % values
            )
        else:
            sentences.append(
                _(
                    "%(group)s: %(population)s%% of the neighbourhood, "
                    "%(share)s%% of the participants."
                )
                % {**values, "share": _whole(share)}
            )
    return sentences
