"""Who came against who lives there: the participants of a meeting or a series (distinct people,
by age group, relation to the neighbourhood and first time) and the reach of each invitation
channel, compared with the neighbourhood's population figures, with plain sentences naming who
is missing. Only aggregates; no shown group has fewer than 5 people (small_cells.py)."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from wijkdialoog.community.models import Neighbourhood
from wijkdialoog.dialogues.models import Meeting, Series
from wijkdialoog.registrations.models import Channel, Registration

from . import population as figures
from .charts import Chart, bar_chart
from .models import Population
from .participation_groups import (
    AGE_GROUPS,
    AgeCount,
    age_cells,
    comparable_age,
    missing_sentences,
)
from .small_cells import SMALL, Cell, gather_others, is_small

Status = Registration.Status


@dataclass(frozen=True)
class Row:
    """One shown group: its label, the number of people, their share among the participants
    and (where known) the group's share of the neighbourhood, both in percent."""

    label: str
    count: int
    share: float
    population_share: float | None = None


@dataclass(frozen=True)
class Participant:
    """One person who came, with what they told when they registered."""

    age_group: str
    relation: str
    first_time: bool | None


@dataclass(frozen=True)
class WhoCame:
    participants: int
    population: Population | None
    ages: list[Row]
    # People whose age group is unknown or of the old grouping (not comparable).
    age_unknown: int
    relations: list[Row]
    first_times: list[Row]
    channels: list[Row]
    missing: list[str]
    age_chart: Chart | None
    channel_chart: Chart | None

    @property
    def too_few(self) -> bool:
        return self.participants < SMALL

    @property
    def age_unknown_is_small(self) -> bool:
        return is_small(self.age_unknown)

    @property
    def reached(self) -> int:
        return sum(row.count for row in self.channels)

    @property
    def reached_per_thousand(self) -> float | None:
        """People who signed up per 1,000 inhabitants of the neighbourhood."""
        if self.population is None or not self.population.inhabitants or not self.reached:
            return None
        return round(1000 * self.reached / self.population.inhabitants, 1)


def _percent(part: float, whole: float) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def _rows(cells: Iterable[Cell], total: int, population_total: int | None = None) -> list[Row]:
    return [
        Row(
            label=cell.label,
            count=cell.count,
            share=_percent(cell.count, total),
            population_share=None
            if cell.population is None or not population_total
            else _percent(cell.population, population_total),
        )
        for cell in cells
    ]


def participants(meetings: Iterable[Meeting]) -> list[Participant]:
    """The distinct people who came to the meetings that took place: those checked in, or at a
    meeting without check-in everyone confirmed. Per person their latest answers."""
    meeting_ids = [meeting.pk for meeting in meetings if meeting.starts_at <= timezone.now()]
    rows = list(
        Registration.objects.filter(meeting_id__in=meeting_ids, status=Status.CONFIRMED)
        .order_by("meeting__starts_at", "pk")
        .values_list(
            "person_id", "meeting_id", "checked_in_at", "age_group", "relation", "first_time"
        )
    )
    checked_in = {meeting_id for _p, meeting_id, at, *_rest in rows if at is not None}
    people: dict[int, dict[str, Any]] = {}
    for person_id, meeting_id, at, age_group, relation, first_time in rows:
        if meeting_id in checked_in and at is None:
            continue
        known = people.setdefault(person_id, {"first_time": first_time})
        known["age_group"] = age_group or known.get("age_group", "")
        known["relation"] = relation or known.get("relation", "")
    return [
        Participant(
            age_group=facts["age_group"], relation=facts["relation"], first_time=facts["first_time"]
        )
        for facts in people.values()
    ]


def _channel_cells(meetings: Iterable[Meeting]) -> list[Cell]:
    """People reached per kind of channel: the first registration of each person (not
    cancelled) across the meetings."""
    rows = (
        Registration.objects.filter(meeting__in=list(meetings))
        .exclude(status=Status.CANCELLED)
        .order_by("created_at", "pk")
        .values_list("person_id", "channel__kind")
    )
    first: dict[int, str] = {}
    for person_id, kind in rows:
        first.setdefault(person_id, kind or "")
    labels = dict(Channel.Kind.choices)
    counts: dict[str, int] = {}
    for kind in first.values():
        counts[kind] = counts.get(kind, 0) + 1
    return [
        Cell(label=str(labels.get(kind, _("no channel (direct)"))), count=count, keys=(kind,))
        for kind, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def _nominal(people: list[Participant], label_of: dict[Any, str], attribute: str) -> list[Cell]:
    counts: dict[Any, int] = {}
    for person in people:
        value = getattr(person, attribute)
        counts[value] = counts.get(value, 0) + 1
    return [
        Cell(label=str(label), count=counts.get(value, 0), keys=(str(value),))
        for value, label in label_of.items()
        if counts.get(value, 0)
    ]


def _relation_labels() -> dict[Any, str]:
    return {value: str(label) for value, label in Registration.Relation.choices}


def _split(cells: list[Cell]) -> list[Cell]:
    """The groups after the small-cell rule; none when they end up as one group of everyone,
    which would say nothing."""
    gathered = gather_others(cells)
    return gathered if len(gathered) > 1 else []


def _age_chart(rows: list[Row], population: Population | None) -> Chart | None:
    if not rows:
        return None
    series: list[tuple[str, list[float | None]]] = [
        (_("Participants"), [row.share for row in rows])
    ]
    if population is not None and all(row.population_share is not None for row in rows):
        series.insert(0, (_("Neighbourhood"), [row.population_share for row in rows]))
    return bar_chart(
        title=_("Age groups: who came and who lives here"),
        description=_(
            "Share of each age group among the participants and in the neighbourhood, in percent."
        ),
        labels=[row.label for row in rows],
        series=series,
        maximum=100,
    )


def _channel_chart(rows: list[Row]) -> Chart | None:
    if not rows:
        return None
    return bar_chart(
        title=_("Reach per channel"),
        description=_("Number of people who signed up, per way they heard of the dialogue."),
        labels=[row.label for row in rows],
        series=[(_("People"), [row.count for row in rows])],
        unit="",
    )


def compare(meetings: Iterable[Meeting], neighbourhood: Neighbourhood) -> WhoCame:
    meetings = list(meetings)
    population = figures.latest(neighbourhood)
    people = participants(meetings)
    counted: list[AgeCount] = [comparable_age(person.age_group) for person in people]
    known = [code for code in counted if code]
    age_unknown = len(people) - len(known)
    cells = age_cells(known, population)
    population_total = None
    if population is not None and population.has_age_groups:
        population_total = sum(value or 0 for value in population.age_counts())
    ages = _rows(cells, len(known), population_total)
    too_few = len(people) < SMALL
    # Relation and first time: shares of those who answered, like the age groups.
    told = [person for person in people if person.relation]
    relations = _rows(_split(_nominal(told, _relation_labels(), "relation")), len(told))
    first_labels = {True: _("first time"), False: _("came before")}
    told = [person for person in people if person.first_time is not None]
    first_times = _rows(_split(_nominal(told, first_labels, "first_time")), len(told))
    channel_cells = gather_others(_channel_cells(meetings))
    channels = _rows(channel_cells, sum(cell.count for cell in channel_cells))
    return WhoCame(
        participants=len(people),
        population=population,
        ages=[] if too_few else ages,
        age_unknown=age_unknown,
        relations=[] if too_few else relations,
        first_times=[] if too_few else first_times,
        channels=channels,
        missing=[] if too_few else missing_sentences(known, population),
        age_chart=None if too_few else _age_chart(ages, population),
        channel_chart=_channel_chart(channels),
    )


def for_series(series: Series) -> WhoCame:
    return compare(series.meetings.all(), series.neighbourhood)


def for_meeting(meeting: Meeting) -> WhoCame:
    return compare([meeting], meeting.series.neighbourhood)


__all__ = ["AGE_GROUPS", "Row", "WhoCame", "compare", "for_meeting", "for_series", "participants"]
