"""Two votes from one device at once keep one vote; first votes of one device at once make one
voter. Each thread has its own database connection (PostgreSQL and SQLite; on SQLite's shared
in-memory database a second writer is turned away at once, so the thread tries again, as a
phone would)."""

import threading
import time

import pytest
from django.db import OperationalError, connection

from tests.agenda.voting_builders import make_agenda
from wijkdialoog.agenda import voting
from wijkdialoog.agenda.models import Vote, Voter

THREADS = 6


def at_once(work, count=THREADS):
    barrier = threading.Barrier(count)
    errors = []

    def run(index):
        try:
            barrier.wait(timeout=10)
            for attempt in range(200):
                try:
                    work(index)
                    break
                except OperationalError as error:
                    if connection.vendor != "sqlite" or "locked" not in str(error):
                        raise
                    time.sleep(0.005 * (1 + attempt % 10))
        except Exception as error:  # collected and asserted on below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    return errors


@pytest.mark.django_db(transaction=True)
def test_two_votes_from_one_device_at_once_keep_one(neighbourhood):
    agenda = make_agenda(neighbourhood, statements=1)
    voter = voting.new_voter(agenda=agenda, token_hash="a" * 64, source=Voter.Source.ONLINE)
    statement = agenda.statements.get()
    values = [1, -1, 0, 1, -1, 0]

    errors = at_once(
        lambda n: voting.cast_vote(agenda=agenda, voter=voter, statement=statement, value=values[n])
    )

    assert errors == []
    assert Vote.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_first_votes_of_one_device_at_once_make_one_voter(neighbourhood):
    agenda = make_agenda(neighbourhood, statements=THREADS)
    statements = list(agenda.statements.order_by("number"))

    def first_vote(n):
        voter = voting.new_voter(agenda=agenda, token_hash="b" * 64, source=Voter.Source.ONLINE)
        voting.cast_vote(agenda=agenda, voter=voter, statement=statements[n], value=1)

    errors = at_once(first_vote)

    assert errors == []
    assert Voter.objects.count() == 1
    assert Vote.objects.count() == THREADS


@pytest.mark.django_db(transaction=True)
def test_many_devices_at_once_get_their_own_numbers(neighbourhood):
    agenda = make_agenda(neighbourhood, statements=1)
    statement = agenda.statements.get()

    def first_vote(n):
        voter = voting.new_voter(agenda=agenda, token_hash=f"{n}" * 64, source="online")
        voting.cast_vote(agenda=agenda, voter=voter, statement=statement, value=1)

    errors = at_once(first_vote)

    assert errors == []
    assert sorted(Voter.objects.values_list("number", flat=True)) == list(range(1, THREADS + 1))
    assert Vote.objects.count() == THREADS
