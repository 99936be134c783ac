"""Several people register for the last place at the same moment, each through their own
database connection: exactly one gets it, the others join the waiting list. Runs on PostgreSQL
(the meeting row is locked, the others wait) and on SQLite (one writer at a time).

The SQLite test database lives in memory with a shared cache; there a second writer is turned
away at once ("database table is locked") instead of waiting as it does on a database file, so
the threads try again, as a visitor would. Any other error fails the test."""

import threading
import time

import pytest
from django.db import OperationalError, connection

from tests.builders import make_meeting, sign_up
from wijkdialoog.registrations.models import Registration

Status = Registration.Status
THREADS = 6


def register_at_once(meeting, names, *, companions=()):
    barrier = threading.Barrier(len(names))
    results, errors = {}, {}

    def register(name):
        try:
            barrier.wait(timeout=10)
            for attempt in range(200):
                try:
                    results[name] = sign_up(meeting, name, companions=list(companions))
                    break
                except OperationalError as error:
                    if connection.vendor != "sqlite" or "locked" not in str(error):
                        raise
                    time.sleep(0.005 * (1 + attempt % 10))
        except Exception as error:  # collected and asserted on below
            errors[name] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(name,)) for name in names]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    return results, errors


@pytest.mark.django_db(transaction=True)
def test_only_one_of_several_people_gets_the_last_place(neighbourhood):
    meeting = make_meeting(neighbourhood, seats=(4,))
    for name in ["Anna", "Bert", "Cor"]:
        sign_up(meeting, name)

    results, errors = register_at_once(meeting, [f"Persoon{n}" for n in range(THREADS)])

    assert errors == {}
    assert len(results) == THREADS
    statuses = [r.status for r in results.values()]
    assert statuses.count(Status.CONFIRMED) == 1
    assert statuses.count(Status.WAITING) == THREADS - 1
    assert meeting.registrations.filter(status=Status.CONFIRMED).count() == 4


@pytest.mark.django_db(transaction=True)
def test_parties_registering_at_once_never_overbook(neighbourhood):
    meeting = make_meeting(neighbourhood, seats=(5,))

    results, errors = register_at_once(
        meeting, [f"Persoon{n}" for n in range(4)], companions=["Gast"]
    )

    assert errors == {}
    assert meeting.registrations.filter(status=Status.CONFIRMED).count() == 4
    assert meeting.registrations.filter(status=Status.WAITING).count() == 4
    # Nobody is split from the person they came with.
    for lead in results.values():
        assert set(lead.companions.values_list("status", flat=True)) == {lead.status}
