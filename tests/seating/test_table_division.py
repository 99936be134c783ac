"""The table division algorithm on plain Python data: its rules, its score and its determinism."""

import ast
import dataclasses
import itertools
import random
from collections import Counter
from pathlib import Path

import pytest

from wijkdialoog.seating.table_division_algorithm import (
    LANGUAGE_MISMATCH,
    Attendee,
    TableSpec,
    best_table_for,
    build_problem,
    divide,
    fitting_tables,
    score,
)
from wijkdialoog.seating.table_languages import (
    DUTCH,
    ENGLISH,
    OTHER,
    SIMPLE_DUTCH,
    spoken_languages,
    table_languages_for,
)

AGES = ["u18", "18-34", "35-54", "55-74", "75+", ""]
RELATIONS = ["resident", "volunteer", "professional", "partner", "other", ""]


def random_instance(seed: int, *, people=None, tables=None, english=True, locked=2):
    rng = random.Random(seed)
    table_count = tables or rng.randint(2, 6)
    specs = [TableSpec(key=10 + t, seats=rng.randint(4, 9)) for t in range(table_count)]
    if english and table_count > 2:
        specs[-1] = dataclasses.replace(specs[-1], language=ENGLISH)
    if rng.random() < 0.3:
        specs[0] = dataclasses.replace(specs[0], language=SIMPLE_DUTCH)
    total = people or rng.randint(5, sum(t.seats for t in specs) + 6)
    attendees: list[Attendee] = []
    while len(attendees) < total:
        size = min(rng.choices([1, 2, 3, 4], [65, 22, 9, 4])[0], total - len(attendees))
        lead = 1000 + len(attendees)
        languages = rng.choice(
            [frozenset({DUTCH})] * 6
            + [frozenset({ENGLISH}), frozenset({DUTCH, ENGLISH}), frozenset({"arabisch"})]
        )
        for i in range(size):
            attendees.append(
                Attendee(
                    key=lead + i,
                    party=None if i == 0 else lead,
                    age_group=rng.choice(AGES),
                    relation=rng.choice(RELATIONS),
                    first_time=rng.choice([True, False, None]),
                    languages=languages,
                    access_needs=rng.random() < 0.12,
                )
            )
    singles = [a for a in attendees if a.party is None and a.key + 1 not in _party_keys(attendees)]
    for person in rng.sample(singles, min(locked, len(singles))):
        table = rng.choice(specs)
        index = attendees.index(person)
        attendees[index] = dataclasses.replace(person, locked_table=table.key)
    return attendees, specs


def _party_keys(attendees):
    return {a.key for a in attendees if a.party is not None}


def assert_respects_every_rule(attendees, tables, division):
    assignment = division.assignment
    seats = {t.key: t.seats for t in tables}
    by_key = {t.key: t for t in tables}
    # Everyone has an answer, and the unplaced are exactly those without a table.
    assert set(assignment) == {a.key for a in attendees}
    assert set(division.unplaced) == {k for k, t in assignment.items() if t is None}
    # Never more people than seats (people placed by hand count too, unless the table already
    # had more of them than seats, which only a change of seats can cause).
    load = Counter(t for t in assignment.values() if t is not None)
    locked_load = Counter(a.locked_table for a in attendees if a.locked_table is not None)
    for table, count in load.items():
        assert count <= max(seats[table], locked_load[table])
    # People placed by hand never move.
    for attendee in attendees:
        if attendee.locked_table is not None:
            assert assignment[attendee.key] == attendee.locked_table
    # Parties sit together.
    parties = {}
    for attendee in attendees:
        parties.setdefault(attendee.party_key, set()).add(assignment[attendee.key])
    for places in parties.values():
        assert len(places) == 1
    # Language. People who do not speak Dutch: at a table in a language they speak whenever
    # the meeting has one, else at a simple-Dutch table if there is one. Dutch speakers sit at
    # a table in another language only when no table in their language had room for them.
    load = Counter(t for t in assignment.values() if t is not None)
    free = {t.key: t.seats - load[t.key] for t in tables}
    party_size = Counter(a.party_key for a in attendees)
    languages_here = {t.language for t in tables}
    for attendee in attendees:
        table = assignment[attendee.key]
        if table is None or attendee.locked_table is not None:
            continue
        speaks = table_languages_for(attendee.languages)
        fitting = speaks & languages_here
        if DUTCH not in speaks:
            if fitting:
                assert by_key[table].language in fitting
            elif SIMPLE_DUTCH in languages_here:
                assert by_key[table].language == SIMPLE_DUTCH
        elif by_key[table].language not in speaks:
            size = party_size[attendee.party_key]
            assert all(free[t.key] < size for t in tables if t.language in speaks)
    # Nobody is left out while a table they may use has room for their whole party.
    for attendee in attendees:
        if assignment[attendee.key] is not None:
            continue
        speaks = table_languages_for(attendee.languages)
        fitting = fitting_tables(attendee, tables)
        usable = [t for t in tables if DUTCH in speaks or t.key in fitting]
        if attendee.party_key in {a.key for a in attendees if a.locked_table is not None}:
            lead = next(a for a in attendees if a.key == attendee.party_key)
            usable = [by_key[lead.locked_table]]
        size = sum(
            1 for a in attendees if a.party_key == attendee.party_key and a.locked_table is None
        )
        assert all(free[t.key] < size for t in usable)
    # The reported score is the score of the division.
    assert division.score == score(attendees, assignment, tables)


@pytest.mark.parametrize("seed", range(60))
def test_every_rule_holds_on_random_meetings(seed):
    attendees, tables = random_instance(seed)
    division = divide(attendees, tables, seed=seed)
    assert_respects_every_rule(attendees, tables, division)


def test_nobody_is_left_out_when_everyone_fits():
    for seed in range(30):
        rng = random.Random(seed)
        attendees, tables = random_instance(seed, english=False, locked=0)
        attendees = [dataclasses.replace(a, languages=frozenset({DUTCH})) for a in attendees]
        tables = [dataclasses.replace(t, language=DUTCH) for t in tables]
        seats = sum(t.seats for t in tables)
        attendees = attendees[: seats - rng.randint(3, 6)]
        attendees = [
            a for a in attendees if a.party is None or a.party in {b.key for b in attendees}
        ]
        division = divide(attendees, tables)
        assert division.unplaced == ()


def test_when_seats_run_out_the_latest_registrations_wait_without_a_table():
    tables = [TableSpec(key=1, seats=4), TableSpec(key=2, seats=4)]
    attendees = [Attendee(key=k, age_group=AGES[k % 5]) for k in range(1, 12)]
    division = divide(attendees, tables)
    assert division.unplaced == (9, 10, 11)
    assert Counter(t for t in division.assignment.values() if t) == {1: 4, 2: 4}


def test_a_party_that_no_longer_fits_anywhere_is_reported_as_a_whole():
    tables = [TableSpec(key=1, seats=4)]
    attendees = [
        Attendee(key=1),
        Attendee(key=2),
        Attendee(key=3),
        Attendee(key=4, party=None),
        Attendee(key=5, party=4),
    ]
    division = divide(attendees, tables)
    assert set(division.unplaced) == {4, 5}


def test_the_same_meeting_is_divided_the_same_way_every_time():
    attendees, tables = random_instance(7, people=60, tables=8)
    first = divide(attendees, tables, seed=3)
    for _ in range(3):
        assert divide(attendees, tables, seed=3) == first


def test_people_placed_by_hand_keep_their_table_and_their_seat():
    tables = [TableSpec(key=1, seats=4), TableSpec(key=2, seats=4)]
    attendees = [Attendee(key=k, age_group="35-54") for k in range(1, 8)]
    attendees[0] = dataclasses.replace(attendees[0], locked_table=2)
    attendees[1] = dataclasses.replace(attendees[1], locked_table=2)
    division = divide(attendees, tables)
    assert division.assignment[1] == division.assignment[2] == 2
    assert Counter(division.assignment.values()) == {1: 4, 2: 3} or Counter(
        division.assignment.values()
    ) == {1: 3, 2: 4}


def test_companions_join_the_table_where_their_lead_was_placed_by_hand():
    tables = [TableSpec(key=1, seats=6), TableSpec(key=2, seats=6)]
    attendees = [
        Attendee(key=1, locked_table=2),
        Attendee(key=2, party=1),
        Attendee(key=3, party=1),
        *[Attendee(key=k) for k in range(4, 9)],
    ]
    division = divide(attendees, tables)
    assert division.assignment[2] == division.assignment[3] == 2


def test_people_who_do_not_speak_dutch_sit_at_a_table_in_their_language():
    tables = [
        TableSpec(key=1, seats=8),
        TableSpec(key=2, seats=8, language=ENGLISH),
        TableSpec(key=3, seats=8, language=OTHER),
    ]
    attendees = [Attendee(key=k, age_group=AGES[k % 5]) for k in range(1, 9)]
    attendees += [Attendee(key=20, languages=spoken_languages("English"))]
    attendees += [Attendee(key=21, languages=spoken_languages("Engels, Pools"))]
    attendees += [Attendee(key=22, languages=spoken_languages("Arabisch"))]
    division = divide(attendees, tables)
    assert division.assignment[20] == 2
    assert division.assignment[21] in {2, 3}
    assert division.assignment[22] == 3
    assert all(division.assignment[k] == 1 for k in range(1, 9))


def test_without_a_table_in_their_language_they_go_to_simple_dutch():
    tables = [TableSpec(key=1, seats=6), TableSpec(key=2, seats=6, language=SIMPLE_DUTCH)]
    attendees = [Attendee(key=k) for k in range(1, 6)] + [
        Attendee(key=9, languages=spoken_languages("Tigrinya"))
    ]
    assert divide(attendees, tables).assignment[9] == 2


def test_people_with_access_needs_are_spread_over_the_facilitators():
    tables = [TableSpec(key=t, seats=8) for t in range(1, 5)]
    attendees = [
        Attendee(key=k, access_needs=k <= 6, age_group=AGES[k % 5], relation=RELATIONS[k % 4])
        for k in range(1, 29)
    ]
    division = divide(attendees, tables)
    needs = Counter(division.assignment[k] for k in range(1, 7))
    assert max(needs.values()) <= 2
    assert len(needs) == 4


def test_a_party_with_access_needs_stays_together():
    tables = [TableSpec(key=1, seats=8), TableSpec(key=2, seats=8)]
    attendees = [
        Attendee(key=1, access_needs=True),
        Attendee(key=2, party=1, access_needs=True),
        Attendee(key=3, party=1),
        *[Attendee(key=k) for k in range(4, 12)],
    ]
    division = divide(attendees, tables)
    assert division.assignment[1] == division.assignment[2] == division.assignment[3]


def test_the_division_mixes_ages_and_relations():
    tables = [TableSpec(key=1, seats=6), TableSpec(key=2, seats=6)]
    # In registration order: first all the young residents, then all the older volunteers.
    attendees = [Attendee(key=k, age_group="18-34", relation="resident") for k in range(1, 7)]
    attendees += [Attendee(key=k, age_group="75+", relation="volunteer") for k in range(7, 13)]
    division = divide(attendees, tables)
    for table in (1, 2):
        ages = Counter(a.age_group for a in attendees if division.assignment[a.key] == table)
        assert ages == {"18-34": 3, "75+": 3}


def brute_force_optimum(attendees, tables) -> int | None:
    problem = build_problem(attendees, tables)
    best = None
    for choice in itertools.product(*(unit.allowed for unit in problem.units)):
        load: Counter[int] = Counter()
        for unit, t in zip(problem.units, choice, strict=True):
            load[t] += unit.size
        if any(load[t] > problem.free[t] for t in load):
            continue
        assignment = dict(problem.fixed)
        for unit, t in zip(problem.units, choice, strict=True):
            for key in unit.members:
                assignment[key] = problem.tables[t].key
        value = score(attendees, assignment, tables)
        best = value if best is None else min(best, value)
    return best


@pytest.mark.parametrize("seed", range(12))
def test_the_heuristic_reaches_the_optimum_on_tiny_meetings(seed):
    rng = random.Random(seed)
    people = rng.randint(6, 9)
    table_count = 2 if people < 8 else rng.choice([2, 3])
    tables = [TableSpec(key=t, seats=rng.randint(4, 6)) for t in range(1, table_count + 1)]
    while sum(t.seats for t in tables) < people:
        tables[0] = dataclasses.replace(tables[0], seats=tables[0].seats + 1)
    attendees, _ = random_instance(seed, people=people, tables=table_count, english=False)
    attendees = [
        dataclasses.replace(a, languages=frozenset({DUTCH}), locked_table=None) for a in attendees
    ]
    if seed % 3 == 0:
        attendees[0] = dataclasses.replace(attendees[0], party=None, locked_table=1)
    optimum = brute_force_optimum(attendees, tables)
    division = divide(attendees, tables, seed=seed)
    assert division.unplaced == ()
    assert division.score == optimum


def test_the_score_counts_alike_pairs_at_a_table():
    people = [
        Attendee(key=1, age_group="18-34", relation="resident", first_time=True),
        Attendee(key=2, age_group="18-34", relation="volunteer", first_time=True),
        Attendee(key=3, age_group="75+", relation="resident", access_needs=True),
        Attendee(key=4, age_group="", access_needs=True),
    ]
    tables = [TableSpec(key=1, seats=6), TableSpec(key=2, seats=6, language=ENGLISH)]
    # One table: 6 pairs of people, 1 same age, 1 same relation, 1 both new, 1 access pair (x10).
    assert score(people, {1: 1, 2: 1, 3: 1, 4: 1}, tables) == 6 + 1 + 1 + 1 + 10
    # Unseated people do not count.
    assert score(people, {1: 1, 2: 1, 3: None, 4: None}, tables) == 1 + 1 + 1
    # A Dutch speaker at the English table costs a lot.
    assert score(people, {1: 1, 2: 2, 3: None, 4: None}, tables) == LANGUAGE_MISMATCH


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", {DUTCH}),
        ("Nederlands", {DUTCH}),
        ("Dutch, Arabic, English.", {DUTCH, "arabic", ENGLISH}),
        ("Nederlands en Turks", {DUTCH, "turks"}),
        ("nl en", {DUTCH, ENGLISH}),
        ("Engels / Pools", {ENGLISH, "pools"}),
        ("English, a little Dutch", {ENGLISH, DUTCH}),
        ("Ik spreek een beetje Nederlands", {DUTCH}),
        ("Arabisch, geen Nederlands", {"arabisch"}),
        ("niet", {DUTCH}),
    ],
)
def test_the_languages_field_is_read_as_free_text(text, expected):
    assert spoken_languages(text.rstrip(".")) == expected


def test_a_walk_in_goes_to_the_table_whose_mix_improves_most():
    tables = [TableSpec(key=1, seats=4), TableSpec(key=2, seats=4), TableSpec(key=3, seats=4)]
    seated = [
        (Attendee(key=1, age_group="75+"), 1),
        (Attendee(key=2, age_group="18-34"), 2),
        (Attendee(key=3, age_group="35-54"), 3),
        (Attendee(key=4, age_group="35-54"), 1),
        (Attendee(key=5, age_group="u18"), 2),
        (Attendee(key=6, age_group="55-74"), 3),
        (Attendee(key=7, age_group="u18"), 3),
    ]
    newcomer = Attendee(key=99, age_group="75+")
    # Table 1 has a 75+ already; tables 2 and 3 do not, and 2 has more room.
    assert best_table_for(newcomer, seated, tables) == 2
    full = [*seated, (Attendee(key=8), 2), (Attendee(key=9), 2)]
    full += [(Attendee(key=10), 1), (Attendee(key=11), 1), (Attendee(key=12), 3)]
    assert best_table_for(newcomer, full, tables) is None


@pytest.mark.parametrize("module", ["table_division_algorithm", "table_languages"])
def test_the_algorithm_imports_nothing_from_django_or_the_models(module):
    path = Path(__file__).parents[2] / "wijkdialoog" / "seating" / f"{module}.py"
    imported = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add("." * node.level + (node.module or ""))
    assert imported <= {
        "random",
        "re",
        "collections",
        "collections.abc",
        "dataclasses",
        ".table_languages",
    }


def test_the_problem_groups_parties_into_units_and_takes_out_people_placed_by_hand():
    tables = [TableSpec(key=1, seats=6), TableSpec(key=2, seats=6, language=ENGLISH)]
    attendees = [
        Attendee(key=10, age_group="75+"),
        Attendee(key=11, party=10, age_group="75+"),
        Attendee(key=12, locked_table=2, languages=frozenset({ENGLISH})),
        Attendee(key=13, party=12),
        Attendee(key=14, languages=frozenset({"arabisch"})),
    ]

    problem = build_problem(attendees, tables)

    assert problem.fixed == {12: 2}
    assert problem.free == [6, 5]
    assert [(unit.members, unit.allowed) for unit in problem.units] == [
        ((10, 11), (0, 1)),
        ((13,), (1,)),
        ((14,), (0, 1)),
    ]
    assert problem.units[0].language_cost == {0: 0, 1: 2 * LANGUAGE_MISMATCH}


def test_a_division_of_plain_data_names_a_table_or_none_for_everyone():
    tables = [TableSpec(key=1, seats=2)]
    attendees = [Attendee(key=k) for k in (1, 2, 3)]

    division = divide(attendees, tables)

    assert division.assignment == {1: 1, 2: 1, 3: None}
    assert division.unplaced == (3,)
    assert division.score == 1
