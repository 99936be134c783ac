"""Benchmark of the table division heuristic
(wijkdialoog/seating/table_division_algorithm.py, plain Python).

(a) Quality: on small seeded random instances the heuristic's mix score is compared with the
    exact optimum of the same score, found with an integer program solved by HiGHS. Goal: within
    2% of the optimum.
(b) Speed: 400 people over 50 tables, the median of a few runs, next to a trivial round-robin
    division of the same instance measured in the same run. Goal: under 2 seconds.

The integer program. x[u,t] = 1 when unit u (a party, or one person) sits at table t, only for
the tables its language allows; people placed by hand are constants.

    every unit at one table:   sum_t x[u,t] = 1
    seats:                     sum_u size(u) * x[u,t] <= seats(t) - people placed by hand at t
    count of feature k at t:   n[t,k] = fixed[t,k] + sum_u count(u,k) * x[u,t]
    alike pairs:               p[t,k] >= C(j,2) + j * (n[t,k] - j)   for j = 1 .. max n - 1
    minimise                   sum_{t,k} weight(k) * p[t,k] + sum_{u,t} language(u,t) * x[u,t]

where language(u,t) is 1000 for each member of u who does not speak the language of t (only
Dutch speakers may sit there at all; the others have no variable for such a table).

C(n,2) is convex, so at whole numbers it is the maximum of the lines through consecutive points
(j, C(j,2)) and (j+1, C(j+1,2)); with p minimised, p[t,k] equals C(n[t,k],2) exactly. That
replaces a binary "at least j alike at table t" variable per level by a few cuts on one
continuous variable, and keeps the model small for HiGHS.

Run: python bench/bench_table_division.py (or `make bench`). It prints figures; it asserts
nothing about time.
"""

import dataclasses
import math
import random
import statistics
import sys
import time
from pathlib import Path

# The algorithm is plain Python: no Django settings are needed to run it.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import highspy

from wijkdialoog.seating.table_division_algorithm import (
    Attendee,
    TableSpec,
    build_problem,
    divide,
    pairs,
    score,
)
from wijkdialoog.seating.table_languages import DUTCH, ENGLISH

AGE_GROUPS = ["u18", "18-34", "35-54", "55-74", "75+"]
RELATIONS = ["resident", "volunteer", "professional", "partner", "other"]


def random_instance(rng: random.Random, people: int, table_count: int, locked: int = 1):
    """People in parties of one to three, some unknown answers, a few access needs, sometimes an
    English table, and `locked` people placed by hand."""
    minimum = math.ceil(people / table_count)
    tables = [
        TableSpec(key=t + 1, seats=rng.randint(max(4, minimum), 9)) for t in range(table_count)
    ]
    english = table_count >= 3 and rng.random() < 0.5
    if english:
        tables[-1] = TableSpec(key=tables[-1].key, seats=tables[-1].seats, language=ENGLISH)
    attendees: list[Attendee] = []
    while len(attendees) < people:
        size = min(rng.choices([1, 2, 3], [70, 22, 8])[0], people - len(attendees))
        lead = len(attendees) + 1
        roll = rng.random()
        languages = frozenset({DUTCH})
        if english and roll < 0.12:
            languages = frozenset({ENGLISH})
        elif english and roll < 0.3:
            languages = frozenset({DUTCH, ENGLISH})
        for i in range(size):
            attendees.append(
                Attendee(
                    key=lead + i,
                    party=None if i == 0 else lead,
                    age_group=rng.choice([*AGE_GROUPS, ""]),
                    relation=rng.choice([*RELATIONS, "resident", ""]),
                    first_time=rng.choice([True, False, None]),
                    languages=languages,
                    access_needs=rng.random() < 0.1,
                )
            )
    for _ in range(locked):
        i = rng.randrange(len(attendees))
        person = attendees[i]
        if person.party is None and not any(a.party == person.key for a in attendees):
            attendees[i] = dataclasses.replace(person, locked_table=rng.choice(tables).key)
    return attendees, tables


def exact_optimum(attendees, tables, time_limit: float = 60.0) -> tuple[int, int] | None:
    """The lowest score any division can reach that seats everyone, and its language part;
    None if no division seats everyone."""
    problem = build_problem(attendees, tables)
    units, T, K = problem.units, len(problem.tables), len(problem.feature_keys)
    model = highspy.Highs()
    model.silent()
    model.setOptionValue("time_limit", time_limit)
    model.setOptionValue("mip_rel_gap", 0.0)
    x = {(u, t): model.addBinary() for u, unit in enumerate(units) for t in unit.allowed}
    for u, unit in enumerate(units):
        model.addConstr(sum(x[u, t] for t in unit.allowed) == 1)
    objective, constant = 0, problem.fixed_cost
    language_terms = [
        (cost, x[u, t])
        for u, unit in enumerate(units)
        for t, cost in unit.language_cost.items()
        if cost
    ]
    for cost, var in language_terms:
        objective = objective + cost * var
    for t in range(T):
        here = [u for u, unit in enumerate(units) if t in unit.allowed]
        if here:
            model.addConstr(sum(units[u].size * x[u, t] for u in here) <= problem.free[t])
    for t in range(T):
        for k in range(K):
            fixed = problem.fixed_counts[t][k]
            terms = [
                (c, x[u, t])
                for u, unit in enumerate(units)
                if t in unit.allowed
                for kk, c in unit.counts
                if kk == k
            ]
            if not terms:
                constant += problem.weights[k] * pairs(fixed)
                continue
            most = min(fixed + sum(c for c, _ in terms), tables[t].seats)
            n = fixed + sum(c * var for c, var in terms)
            p = model.addVariable(lb=0)
            for j in range(1, most):
                model.addConstr(p >= pairs(j) + j * (n - j))
            objective = objective + problem.weights[k] * p
    model.minimize(objective)
    status = model.getModelStatus()
    if status != highspy.HighsModelStatus.kOptimal:
        return None
    language = problem.fixed_cost + round(
        sum(cost * model.val(var) for cost, var in language_terms)
    )
    return round(model.getObjectiveValue()) + constant, language


def round_robin(attendees, tables) -> dict[int, int | None]:
    """The baseline: parties in turn to the next table with room, ignoring everything else."""
    load = {table.key: 0 for table in tables}
    parties: dict[int, list[Attendee]] = {}
    for attendee in attendees:
        parties.setdefault(attendee.party_key, []).append(attendee)
    assignment: dict[int, int | None] = {}
    turn = 0
    for members in parties.values():
        target = None
        for step in range(len(tables)):
            table = tables[(turn + step) % len(tables)]
            if load[table.key] + len(members) <= table.seats:
                target = table
                turn = (turn + step + 1) % len(tables)
                break
        for member in members:
            assignment[member.key] = target.key if target else None
        if target:
            load[target.key] += len(members)
    return assignment


def quality(instances: int = 20, seed: int = 2024) -> None:
    print("(a) Heuristic against the exact optimum (HiGHS); score: lower is better")
    print("    (language: the optimum's cost for Dutch speakers at a table in another language,")
    print("     1000 each; the gap is taken over the rest, the mix score, to be strict)")
    print(
        f"{'instance':>8} {'people':>6} {'tables':>6} {'heuristic':>9} {'optimum':>8} "
        f"{'language':>8} {'gap %':>6}"
    )
    rng = random.Random(seed)
    gaps, number = [], 0
    while number < instances:
        people = rng.randint(12, 24)
        table_count = rng.randint(max(2, math.ceil(people / 9)), 4)
        attendees, tables = random_instance(rng, people, table_count)
        exact = exact_optimum(attendees, tables)
        if exact is None:  # no division seats everyone (language or seats); draw another
            continue
        optimum, language = exact
        number += 1
        division = divide(attendees, tables, seed=number)
        heuristic = score(attendees, division.assignment, tables)
        gap = 100 * (heuristic - optimum) / (optimum - language)
        if division.unplaced:
            gap = math.inf
        gaps.append(gap)
        print(
            f"{number:>8} {people:>6} {table_count:>6} {heuristic:>9} {optimum:>8} "
            f"{language:>8} {gap:>6.2f}"
        )
    print(f"mean gap: {statistics.mean(gaps):.2f} %   max gap: {max(gaps):.2f} %   (goal: <= 2 %)")
    print(f"instances at the optimum: {sum(g == 0 for g in gaps)} of {len(gaps)}")


def speed(runs: int = 5, seed: int = 7) -> None:
    print()
    print("(b) 400 people over 50 tables")
    rng = random.Random(seed)
    attendees, tables = random_instance(rng, 400, 50, locked=10)
    tables = [TableSpec(key=t.key, seats=max(t.seats, 8), language=t.language) for t in tables]

    def median_time(function) -> tuple[float, object]:
        times, result = [], None
        for _ in range(runs):
            started = time.perf_counter()
            result = function()
            times.append(time.perf_counter() - started)
        return statistics.median(times), result

    heuristic_time, division = median_time(lambda: divide(attendees, tables, seed=1))
    baseline_time, baseline = median_time(lambda: round_robin(attendees, tables))
    baseline_score = score(attendees, baseline, tables)
    print(f"heuristic:   {heuristic_time:.3f} s (median of {runs})   goal: < 2 s")
    print(f"round robin: {baseline_time * 1000:.2f} ms (median of {runs})")
    print(f"ratio heuristic / round robin: {heuristic_time / baseline_time:.0f}x")
    print(
        f"score: heuristic {division.score}, round robin {baseline_score} "
        f"({100 * (1 - division.score / baseline_score):.1f} % lower)"
    )
    print(f"people without a table: {len(division.unplaced)}")


if __name__ == "__main__":
    quality()
    speed()
