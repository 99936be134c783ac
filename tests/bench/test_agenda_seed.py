"""The agenda vote benchmark's seeding and counting (bench/agenda_seed.py) on the test database:
the benchmark itself runs under `make bench`, not here."""

import sys
from pathlib import Path

import pytest

from wijkdialoog.agenda import voting
from wijkdialoog.agenda.models import Agenda, Vote, Voter

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import agenda_seed  # type: ignore[import-not-found]  # bench/ is put on the path above

pytestmark = pytest.mark.django_db


def vote(agenda, token_hash, number, value):
    voter = voting.new_voter(agenda=agenda, token_hash=token_hash, source=Voter.Source.ONLINE)
    statement = agenda.statements.get(number=number)
    voting.cast_vote(agenda=agenda, voter=voter, statement=statement, value=value)


def test_seed_makes_one_open_agenda_with_accepted_statements():
    world = agenda_seed.seed(5)

    agenda = Agenda.objects.get(pk=world.agenda_pk)
    assert agenda.is_open() and agenda.token == world.token
    assert world.numbers == (1, 2, 3, 4, 5)
    assert [s.number for s in voting.votable(agenda)] == [1, 2, 3, 4, 5]


def test_votes_answered_and_stored_with_their_last_value_are_intact():
    world = agenda_seed.seed(3)
    agenda = Agenda.objects.get(pk=world.agenda_pk)
    ledger = agenda_seed.Ledger()
    for token_hash, number, values in [("a" * 64, 1, [1, -1]), ("b" * 64, 2, [0, 0])]:
        for value in values:
            vote(agenda, token_hash, number, value)
            ledger.record(token_hash, number, value, acknowledged=True)
    # An answer that never came: stored or not, it is not held against the server.
    vote(agenda, "a" * 64, 3, 1)
    ledger.record("a" * 64, 3, 1, acknowledged=False)

    counted = agenda_seed.count_votes(world.agenda_pk)
    verdict = agenda_seed.compare(ledger, counted)

    assert counted.stored == {("a" * 64, 1): -1, ("b" * 64, 2): 0, ("a" * 64, 3): 1}
    assert (counted.voters, counted.doubled_votes, counted.doubled_voters) == (2, 0, 0)
    assert verdict.intact and verdict.acknowledged == 2 and verdict.stored_unanswered == 1


def test_lost_changed_and_unknown_votes_are_found():
    world = agenda_seed.seed(3)
    agenda = Agenda.objects.get(pk=world.agenda_pk)
    ledger = agenda_seed.Ledger()
    vote(agenda, "a" * 64, 1, 1)
    ledger.record("a" * 64, 1, 1, acknowledged=True)
    ledger.record("a" * 64, 2, -1, acknowledged=True)  # answered, never stored
    vote(agenda, "b" * 64, 1, 0)
    ledger.record("b" * 64, 1, 1, acknowledged=True)  # stored with another value
    vote(agenda, "c" * 64, 3, 1)  # stored, never sent
    Vote.objects.filter(voter__token_hash="a" * 64).update(value=1)

    verdict = agenda_seed.compare(ledger, agenda_seed.count_votes(world.agenda_pk))

    assert verdict.lost == [("a" * 64, 2)]
    assert verdict.wrong_value == [("b" * 64, 1)]
    assert verdict.never_sent == [("c" * 64, 3)]
    assert not verdict.intact
