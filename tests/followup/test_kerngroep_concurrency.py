"""Two members marking the same task done at once: one done record, one audit entry. Each
thread has its own connection (PostgreSQL and SQLite alike: on SQLite a second writer is turned
away and tries again)."""

import pytest

from tests.agenda.test_vote_concurrency import at_once
from tests.followup.kerngroep_builders import make_kerngroep
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.followup import kerngroep
from wijkdialoog.followup.models import KerngroepTask


@pytest.mark.django_db(transaction=True)
def test_two_members_marking_one_task_done_at_once_make_one_done_record(neighbourhood):
    series, members = make_kerngroep(neighbourhood)
    task = KerngroepTask.objects.get(text="Zaal reserveren")
    changers = [kerngroep.Changer(member=members["anna"]), kerngroep.Changer(member=members["ben"])]
    results = []

    def mark(n):
        results.append(kerngroep.mark_done(task=task, done=True, changer=changers[n]))

    errors = at_once(mark, count=2)

    assert errors == []
    assert sorted(results) == [False, True]
    task.refresh_from_db()
    assert task.done_at is not None and task.done_by in (members["anna"], members["ben"])
    assert AuditEntry.objects.filter(action="followup.kerngroep_task_done").count() == 1
