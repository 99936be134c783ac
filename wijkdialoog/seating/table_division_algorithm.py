"""Dividing the people of a meeting over its tables.

The algorithm works on plain Python values (`Attendee`, `TableSpec`), so it can be tested and
benchmarked without a database; `table_division.divide_over_tables` connects it to the models.
This module imports nothing from Django.

Hard rules, never broken:

- a table never gets more people than it has seats;
- people registered together (a party: the lead and their companions) sit at the same table;
- people placed by hand (`table_locked`) stay where they are and take their seats;
- someone who does not speak Dutch sits at a table in a language they speak when the meeting
  has one; without such a table, at a simple-Dutch table if there is one.

Languages: empty `languages` means Dutch. Simple-Dutch tables count as Dutch; an "other language"
table is for people who speak a language besides Dutch and English. Dutch speakers may sit at a
table in a language they do not speak only when that is the one seat left for them: each such
person costs LANGUAGE_MISMATCH in the score, more than any mix can win back.

When there are more people than seats, the earliest registrations are placed first (after the
people whose language leaves them few tables); the others get no table and are reported. Nobody
is ever overbooked.

The score (lower is better) counts pairs of people at the same table who are alike:

    score = sum over tables t of  [ C(n_t, 2)
                                    + sum over age group, relation and first-time values v
                                      of C(n_t,v, 2)
                                    + 10 * C(a_t, 2) ]
            + 1000 * (people at a table in a language they do not speak)

where n_t is the number of people at t, n_t,v the number with value v (unknown values do not
count) and a_t the number with access needs. The first term keeps tables about equally full,
the middle terms spread age groups, relations to the neighbourhood and newcomers/returning
people, and the heavy access term gives each facilitator at most one or two people with access
needs whenever that is possible. The part before the language term is the mix score that the
division page shows. Each term is convex in the counts, so the score rewards an even spread and
has an exact linear model (see bench/bench_table_division.py).

The heuristic builds a division greedily (each party to the table where it adds the fewest
alike pairs), then improves it by local search: moving one party to another table, or swapping
two parties between tables, while that lowers the score. Small meetings get several seeded
restarts. Everything is deterministic for the same input and seed.
"""

import random
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from .table_languages import DUTCH, SIMPLE_DUTCH, table_languages_for

# The attributes that are mixed, with the weight of one pair of alike people at a table.
WEIGHTS = {"table": 1, "age_group": 1, "relation": 1, "first_time": 1, "access_needs": 10}
# The cost of one person at a table in a language they do not speak.
LANGUAGE_MISMATCH = 1000


@dataclass(frozen=True, slots=True)
class Attendee:
    """One person to seat. `party` is the key of their party's lead (their own key if alone)."""

    key: int
    party: int | None = None
    age_group: str = ""
    relation: str = ""
    first_time: bool | None = None
    languages: frozenset[str] = frozenset({DUTCH})
    access_needs: bool = False
    locked_table: int | None = None

    @property
    def party_key(self) -> int:
        return self.key if self.party is None else self.party


@dataclass(frozen=True, slots=True)
class TableSpec:
    key: int
    seats: int
    language: str = DUTCH


@dataclass(frozen=True, slots=True)
class Division:
    """Where everyone sits (None: no table) and who could not be placed."""

    assignment: dict[int, int | None]
    unplaced: tuple[int, ...]
    score: int


def features(attendee: Attendee) -> list[tuple[str, str]]:
    """The (attribute, value) pairs of one person that count towards the mix score."""
    result = [("table", "")]
    if attendee.age_group:
        result.append(("age_group", attendee.age_group))
    if attendee.relation:
        result.append(("relation", attendee.relation))
    if attendee.first_time is not None:
        result.append(("first_time", "new" if attendee.first_time else "returning"))
    if attendee.access_needs:
        result.append(("access_needs", "yes"))
    return result


def pairs(n: int) -> int:
    return n * (n - 1) // 2


def mix_score(attendees: Iterable[Attendee], assignment: Mapping[int, int | None]) -> int:
    """The pairs of alike people at the same tables, weighted (lower is better)."""
    counts: Counter[tuple[int, str, str]] = Counter()
    for attendee in attendees:
        table = assignment.get(attendee.key)
        if table is not None:
            for attribute, value in features(attendee):
                counts[table, attribute, value] += 1
    return sum(WEIGHTS[attribute] * pairs(n) for (_, attribute, _), n in counts.items())


def fitting_tables(attendee: Attendee, tables: Sequence[TableSpec]) -> set[int]:
    """The keys of the tables in a language this person speaks; for someone who does not speak
    Dutch and finds none, the simple-Dutch tables; when there is nothing better, all tables."""
    languages = table_languages_for(attendee.languages)
    found = {table.key for table in tables if table.language in languages}
    if not found and DUTCH not in languages:
        found = {table.key for table in tables if table.language == SIMPLE_DUTCH}
    return found or {table.key for table in tables}


def language_mismatches(
    attendees: Iterable[Attendee],
    assignment: Mapping[int, int | None],
    tables: Sequence[TableSpec],
) -> set[int]:
    """The people who sit at a table that does not fit their language."""
    return {
        attendee.key
        for attendee in attendees
        if assignment.get(attendee.key) is not None
        and assignment[attendee.key] not in fitting_tables(attendee, tables)
    }


def score(
    attendees: Sequence[Attendee],
    assignment: Mapping[int, int | None],
    tables: Sequence[TableSpec],
) -> int:
    """The score of a division, computed from scratch: the mix score plus the language cost."""
    mismatches = language_mismatches(attendees, assignment, tables)
    return mix_score(attendees, assignment) + LANGUAGE_MISMATCH * len(mismatches)


def table_scores(
    attendees: Iterable[Attendee], assignment: Mapping[int, int | None]
) -> dict[int, int]:
    """The mix score of each table on its own."""
    by_table: dict[int, list[Attendee]] = {}
    for attendee in attendees:
        table = assignment.get(attendee.key)
        if table is not None:
            by_table.setdefault(table, []).append(attendee)
    return {
        table: mix_score(people, {person.key: table for person in people})
        for table, people in by_table.items()
    }


# The model shared by the heuristic and the exact integer program in the benchmark.


@dataclass(slots=True)
class Unit:
    """People who move together: a party, or one person. `allowed` holds table indexes."""

    members: tuple[int, ...]
    size: int
    allowed: tuple[int, ...]
    # (feature index, count) for the features present in this unit.
    counts: tuple[tuple[int, int], ...]
    priority: int
    # The language cost at each allowed table: LANGUAGE_MISMATCH per member who does not fit.
    language_cost: dict[int, int] = field(default_factory=dict)
    # Whether its language leaves this unit fewer tables than the others have.
    restricted: bool = False


# Each (attribute, value) pair's position in the counts; the keys of the tables each person fits.
FeatureIndex = Mapping[tuple[str, str], int]
Fitting = Mapping[int, set[int]]


@dataclass(slots=True)
class Problem:
    tables: list[TableSpec]
    units: list[Unit]
    feature_keys: list[tuple[str, str]]
    weights: list[int]
    # Seats still free at each table after the people placed by hand, and their feature counts.
    free: list[int]
    fixed_counts: list[list[int]]
    fixed: dict[int, int] = field(default_factory=dict)  # attendee key -> table key
    # The language cost of the people placed by hand (they do not move, so it is a constant).
    fixed_cost: int = 0


def build_problem(attendees: Sequence[Attendee], tables: Sequence[TableSpec]) -> Problem:
    """Group people into units, work out where each unit may sit, and take out the people
    placed by hand. `attendees` is in registration order: earlier people have priority."""
    tables = list(tables)
    feature_index: dict[tuple[str, str], int] = {}
    for attendee in attendees:
        for feature in features(attendee):
            feature_index.setdefault(feature, len(feature_index))
    feature_keys = list(feature_index)
    problem = Problem(
        tables=tables,
        units=[],
        feature_keys=feature_keys,
        weights=[WEIGHTS[attribute] for attribute, _ in feature_keys],
        free=[table.seats for table in tables],
        fixed_counts=[[0] * len(feature_keys) for _ in tables],
    )
    fitting = {attendee.key: fitting_tables(attendee, tables) for attendee in attendees}
    index_of = {table.key: i for i, table in enumerate(tables)}
    parties: dict[int, list[tuple[int, Attendee]]] = {}
    for position, attendee in enumerate(attendees):
        if attendee.locked_table in index_of:
            _fix(problem, attendee, index_of[attendee.locked_table], feature_index, fitting)
        parties.setdefault(attendee.party_key, []).append((position, attendee))
    problem.free = [max(0, seats) for seats in problem.free]
    for members in parties.values():
        unit = _unit_for(members, problem, index_of, feature_index, fitting)
        if unit is not None:
            problem.units.append(unit)
    problem.units.sort(key=lambda unit: unit.priority)
    return problem


def _fix(
    problem: Problem, attendee: Attendee, t: int, feature_index: FeatureIndex, fitting: Fitting
) -> None:
    """Take a person placed by hand out of the search: their seat and features are constant."""
    table_key = problem.tables[t].key  # their locked_table
    problem.fixed[attendee.key] = table_key
    problem.free[t] -= 1
    for feature in features(attendee):
        problem.fixed_counts[t][feature_index[feature]] += 1
    if table_key not in fitting[attendee.key]:
        problem.fixed_cost += LANGUAGE_MISMATCH


def _unit_for(
    members: list[tuple[int, Attendee]],
    problem: Problem,
    index_of: Mapping[int, int],
    feature_index: FeatureIndex,
    fitting: Fitting,
) -> Unit | None:
    """The unit of the members of one party who were not placed by hand (None if all were)."""
    tables = problem.tables
    locked = [a for _, a in members if a.key in problem.fixed]
    loose = [(p, a) for p, a in members if a.key not in problem.fixed]
    if not loose:
        return None
    people = [a for _, a in loose]
    if locked:
        # The party joins the table of the lead, or else of the first member placed by hand.
        anchor = next((a for a in locked if a.key == a.party_key), locked[0])
        allowed: tuple[int, ...] = (index_of[problem.fixed[anchor.key]],)
    else:
        allowed = _allowed_tables(people, tables, fitting)
    counter: Counter[int] = Counter()
    for attendee in people:
        for feature in features(attendee):
            counter[feature_index[feature]] += 1
    return Unit(
        members=tuple(a.key for a in people),
        size=len(people),
        allowed=allowed,
        counts=tuple(sorted(counter.items())),
        priority=min(p for p, _ in loose),
        language_cost={
            t: LANGUAGE_MISMATCH * sum(tables[t].key not in fitting[a.key] for a in people)
            for t in allowed
        },
        restricted=len(allowed) < len(tables),
    )


def _allowed_tables(
    people: list[Attendee], tables: list[TableSpec], fitting: Mapping[int, set[int]]
) -> tuple[int, ...]:
    """Table indexes a group may use: Dutch speakers any table (at a language cost), people
    who do not speak Dutch only the tables that fit them."""
    everywhere = set(range(len(tables)))
    sets = [
        everywhere
        if DUTCH in table_languages_for(person.languages)
        else {i for i, table in enumerate(tables) if table.key in fitting[person.key]}
        for person in people
    ]
    together = set.intersection(*sets) or set.union(*sets)
    return tuple(sorted(together))


# The heuristic.


class _Search:
    """A division in progress, with the counts that make score changes cheap to compute."""

    def __init__(self, problem: Problem):
        self.problem = problem
        self.units = problem.units
        self.weights = problem.weights
        self.free = list(problem.free)
        self.counts = [list(row) for row in problem.fixed_counts]
        self.table_of = [-1] * len(self.units)
        self.members: list[dict[int, None]] = [{} for _ in problem.tables]
        # Pairs inside a unit never change: c * (c - 1) / 2 per feature, weighted.
        self.inner = [
            sum(self.weights[k] * pairs(c) for k, c in unit.counts) for unit in self.units
        ]
        self.weighted = [
            tuple((k, c, self.weights[k] * c) for k, c in unit.counts) for unit in self.units
        ]
        # Units with the same features share a profile; swapping two of them changes nothing.
        profiles: dict[tuple[int, tuple[tuple[int, int], ...]], int] = {}
        self.profile = [
            profiles.setdefault((unit.size, unit.counts), len(profiles)) for unit in self.units
        ]
        self._overlap: dict[tuple[int, int], int] = {}
        # Cached costs, dropped when the counts at a table change.
        self._in: list[dict[int, int]] = [{} for _ in problem.tables]
        self._out: dict[int, int] = {}

    def cost_in(self, u: int, t: int) -> int:
        """The score added by seating unit u at table t (where it is not)."""
        cache = self._in[t]
        value = cache.get(u)
        if value is None:
            row = self.counts[t]
            value = self.inner[u] + sum(wc * row[k] for k, _c, wc in self.weighted[u])
            value += self.units[u].language_cost[t]
            cache[u] = value
        return value

    def cost_out(self, u: int) -> int:
        """The score removed by taking unit u away from its table."""
        value = self._out.get(u)
        if value is None:
            t = self.table_of[u]
            row = self.counts[t]
            value = self.inner[u] + sum(wc * (row[k] - c) for k, c, wc in self.weighted[u])
            value += self.units[u].language_cost[t]
            self._out[u] = value
        return value

    def _changed(self, t: int) -> None:
        self._in[t].clear()
        for v in self.members[t]:
            self._out.pop(v, None)

    def overlap(self, u: int, v: int) -> int:
        """Weighted alike pairs between two units, as if they sat at one table."""
        pu, pv = self.profile[u], self.profile[v]
        key = (pu, pv) if pu < pv else (pv, pu)
        value = self._overlap.get(key)
        if value is None:
            other = dict(self.units[v].counts)
            value = sum(wc * other.get(k, 0) for k, _c, wc in self.weighted[u])
            self._overlap[key] = value
        return value

    def place(self, u: int, t: int) -> None:
        row = self.counts[t]
        for k, c in self.units[u].counts:
            row[k] += c
        self.free[t] -= self.units[u].size
        self.members[t][u] = None
        self.table_of[u] = t
        self._changed(t)

    def remove(self, u: int) -> None:
        t = self.table_of[u]
        row = self.counts[t]
        for k, c in self.units[u].counts:
            row[k] -= c
        self.free[t] += self.units[u].size
        self._changed(t)
        del self.members[t][u]
        self._out.pop(u, None)
        self.table_of[u] = -1

    def best_table(self, u: int) -> int:
        size = self.units[u].size
        best, best_cost = -1, None
        for t in self.units[u].allowed:
            if self.free[t] >= size:
                cost = self.cost_in(u, t)
                if best_cost is None or cost < best_cost:
                    best, best_cost = t, cost
        return best

    def make_room(self, u: int) -> bool:
        """Seat unit u by moving one other unit away from a table u may use."""
        size = self.units[u].size
        for t in self.units[u].allowed:
            need = size - self.free[t]
            for v in list(self.members[t]):
                unit = self.units[v]
                if unit.size < need or len(unit.allowed) < 2:
                    continue
                for t2 in unit.allowed:
                    if t2 != t and self.free[t2] >= unit.size:
                        self.remove(v)
                        self.place(v, t2)
                        self.place(u, t)
                        return True
        return False

    def construct(self, order: Iterable[int]) -> bool:
        """Seat the units in this order where they add least; True if anyone was seated."""
        seated = False
        for u in order:
            if self.table_of[u] >= 0:
                continue
            t = self.best_table(u)
            if t >= 0:
                self.place(u, t)
                seated = True
            else:
                seated = self.make_room(u) or seated
        return seated

    def improve(self, order: list[int], max_passes: int = 60) -> None:
        """Moves and swaps that lower the score, until none is left (best move per unit)."""
        units, free, members, table_of = self.units, self.free, self.members, self.table_of
        profile = self.profile
        for _round in range(max_passes):
            improved = False
            for u in order:
                a = table_of[u]
                if a < 0 or len(units[u].allowed) < 2:
                    continue
                size_u, profile_u = units[u].size, profile[u]
                out_u = self.cost_out(u)
                best_delta, best = 0, None
                for b in units[u].allowed:
                    if b == a:
                        continue
                    in_u = self.cost_in(u, b) - out_u
                    if free[b] >= size_u and in_u < best_delta:
                        best_delta, best = in_u, (b, -1)
                    for v in members[b]:
                        if profile[v] == profile_u:
                            continue
                        unit_v = units[v]
                        room_a = free[a] + size_u - unit_v.size
                        room_b = free[b] + unit_v.size - size_u
                        if room_a < 0 or room_b < 0 or a not in unit_v.language_cost:
                            continue
                        delta = (
                            in_u + self.cost_in(v, a) - self.cost_out(v) - 2 * self.overlap(u, v)
                        )
                        if delta < best_delta:
                            best_delta, best = delta, (b, v)
                if best is not None:
                    b, v = best
                    self.remove(u)
                    if v >= 0:
                        self.remove(v)
                        self.place(v, a)
                    self.place(u, b)
                    improved = True
            if not improved:
                return

    def quality(self) -> tuple[int, int]:
        """For comparing divisions: fewer people left out first, then a lower score."""
        left_out = sum(
            unit.size for unit, t in zip(self.units, self.table_of, strict=True) if t < 0
        )
        return (left_out, self.total())

    def total(self) -> int:
        mix = sum(self.weights[k] * pairs(n) for row in self.counts for k, n in enumerate(row))
        language = sum(
            self.units[u].language_cost[t] for u, t in enumerate(self.table_of) if t >= 0
        )
        return mix + language + self.problem.fixed_cost


def divide(
    attendees: Sequence[Attendee],
    tables: Sequence[TableSpec],
    *,
    seed: int = 0,
    restarts: int | None = None,
) -> Division:
    """Seat everyone as well mixed as possible; see the module docstring for the rules."""
    problem = build_problem(attendees, tables)
    units = problem.units
    rng = random.Random(seed)

    # First pass: in registration order, so that when seats run out the latest registrations
    # are the ones left without a table.
    in_order = _placement_order(units, range(len(units)))
    order = list(range(len(units)))
    rng.shuffle(order)
    search = _Search(problem)
    search.construct(in_order)
    _improve_and_fill(search, order, in_order)
    admitted = [u for u in range(len(units)) if search.table_of[u] >= 0]
    best, best_key = search, search.quality()

    if restarts is None:
        # Small meetings get many tries, large ones few: about the same work for any size.
        restarts = max(0, min(40, 800 // max(1, len(admitted)) - 1))
    for _try in range(restarts):
        trial = _Search(problem)
        shuffled = list(admitted)
        rng.shuffle(shuffled)
        trial.construct(_placement_order(units, shuffled, by_priority=False))
        if any(trial.table_of[u] < 0 for u in admitted):
            continue
        rng.shuffle(shuffled)
        _improve_and_fill(trial, shuffled, in_order)
        if trial.quality() < best_key:
            best, best_key = trial, trial.quality()

    assignment: dict[int, int | None] = dict(problem.fixed)
    unplaced = []
    for u, unit in enumerate(units):
        t = best.table_of[u]
        for key in unit.members:
            assignment[key] = problem.tables[t].key if t >= 0 else None
            if t < 0:
                unplaced.append(key)
    return Division(assignment=assignment, unplaced=tuple(unplaced), score=best.total())


def _improve_and_fill(search: _Search, order: list[int], in_order: list[int]) -> None:
    """Improve; then seat anyone left out who fits now that people have moved, and again."""
    search.improve([u for u in order if search.table_of[u] >= 0])
    while search.construct(in_order):
        search.improve([u for u in order if search.table_of[u] >= 0])


def _placement_order(
    units: Sequence[Unit], indexes: Iterable[int], by_priority: bool = True
) -> list[int]:
    """Units with one possible table first, then those whose language leaves them few tables,
    then the others: in registration order, or (for a restart) largest first."""

    def freedom(u: int) -> int:
        return 0 if len(units[u].allowed) == 1 else 1 if units[u].restricted else 2

    indexes = list(indexes)
    if by_priority:
        return sorted(indexes, key=lambda u: (freedom(u), units[u].priority))
    position = {u: i for i, u in enumerate(indexes)}
    return sorted(indexes, key=lambda u: (freedom(u), -units[u].size, position[u]))


def best_table_for(
    newcomer: Attendee,
    seated: Iterable[tuple[Attendee, int]],
    tables: Sequence[TableSpec],
) -> int | None:
    """The table with room where one more person adds the least to the score (the fewest alike
    pairs, in a language they speak); ties go to the emptiest table, then the lowest. None when
    every table they may use is full."""
    tables = list(tables)
    load: Counter[int] = Counter()
    counts: Counter[tuple[int, tuple[str, str]]] = Counter()
    for attendee, table_key in seated:
        load[table_key] += 1
        for feature in features(attendee):
            counts[table_key, feature] += 1
    fitting = fitting_tables(newcomer, tables)
    allowed = set(_allowed_tables([newcomer], tables, {newcomer.key: fitting}))
    best, best_key = None, None
    for i, table in enumerate(tables):
        room = table.seats - load[table.key]
        if i not in allowed or room < 1:
            continue
        added = sum(
            WEIGHTS[feature[0]] * counts[table.key, feature] for feature in features(newcomer)
        )
        if table.key not in fitting:
            added += LANGUAGE_MISMATCH
        key = (added, -room, i)
        if best_key is None or key < best_key:
            best, best_key = table.key, key
    return best
