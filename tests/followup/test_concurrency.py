"""Two senders (cron on two machines, or a retry on top of a slow run) sweep the follow-ups at
the same moment, each through its own database connection: every person gets exactly one mail.
Runs on PostgreSQL (the second insert of a follow-up waits for the first and then finds it; the
claim is a conditional update) and on SQLite (one writer at a time).

The SQLite test database lives in memory with a shared cache; there a second writer is turned
away at once ("database table is locked") instead of waiting, so a sender whose sweep is turned
away sweeps again, as cron would the next time. Any other error fails the test."""

import threading
import time

import pytest
from django.core import mail
from django.db import OperationalError, connection

from tests.builders import make_person
from tests.followup.builders import make_action, past_meeting_with_actions
from wijkdialoog.followup.models import FollowUp
from wijkdialoog.followup.tasks import send_due_follow_ups

SENDERS = 2
EXTRA_PEOPLE = 8


def sweep_at_once(count=SENDERS):
    barrier = threading.Barrier(count)
    sent, errors = [], []

    def sweep():
        try:
            barrier.wait(timeout=10)
            for attempt in range(200):
                try:
                    sent.append(send_due_follow_ups.call())
                    break
                except OperationalError as error:
                    if connection.vendor != "sqlite" or "locked" not in str(error):
                        raise
                    time.sleep(0.005 * (1 + attempt % 10))
        except Exception as error:  # collected and asserted on below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=sweep) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    return sent, errors


@pytest.mark.django_db(transaction=True)
def test_two_senders_at_once_send_every_person_exactly_one_mail(neighbourhood):
    # Four weeks and a day ago: due now, without moving the clock under the threads.
    meeting, _people = past_meeting_with_actions(neighbourhood, days=-29)
    for number in range(EXTRA_PEOPLE):
        person = make_person(meeting.organisation, f"Buur{number}", email=f"buur{number}@ex.org")
        make_action(meeting, person, f"Stap {number}")
    expected = sorted(
        ["anna@example.org", "ben@example.org"]
        + [f"buur{number}@ex.org" for number in range(EXTRA_PEOPLE)]
    )

    sent, errors = sweep_at_once()

    assert errors == []
    if connection.vendor == "sqlite":
        # A sender turned away by SQLite's table lock in the middle of a mail leaves that
        # follow-up for the next run; on PostgreSQL the two runs together send them all.
        send_due_follow_ups.call()
    else:
        assert sum(sent) == len(expected)
    assert sorted(m.to[0] for m in mail.outbox) == expected
    assert FollowUp.objects.count() == len(expected) + 1  # Cor: no email address
    assert FollowUp.objects.filter(mailed_at__isnull=False).count() == len(expected)
    # A later run sends nobody a second mail.
    assert send_due_follow_ups.call() == 0
    assert len(mail.outbox) == len(expected)
