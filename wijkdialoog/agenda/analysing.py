"""The analysis of an agenda's votes, kept in `Analysis` and brought up to date in the
background after new votes.

Debounce: the first vote after a quiet spell claims a cache key for `DEBOUNCE` seconds and
enqueues one task to run `DEBOUNCE` seconds later (where the queue can defer; at once where it
cannot, as in the demo and the tests). Votes inside that window enqueue nothing: the task reads
the votes when it runs, so it covers them. The task itself skips the work when the stored
analysis is newer than the agenda's last vote. With a queue that cannot defer, the last votes of
a burst wait for the next vote after the window, or for `analyse_agenda` on the results page."""

import datetime
import logging

import numpy as np
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from .analysis import analyse
from .models import Agenda, Analysis, Statement, Vote

DEBOUNCE = datetime.timedelta(seconds=30)
logger = logging.getLogger(__name__)


def _pending_key(agenda_id: int) -> str:
    return f"agenda-analysis-pending:{agenda_id}"


def vote_arrays(agenda: Agenda) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Voter numbers, statement numbers and values of every vote, straight from the database.
    Votes on statements still waiting for moderation are left out."""
    rows = (
        Vote.objects.filter(statement__agenda=agenda)
        .exclude(statement__status=Statement.Status.PENDING)
        .values_list("voter__number", "statement__number", "value")
    )
    data = np.array(list(rows), dtype=np.int64).reshape(-1, 3)
    return data[:, 0].copy(), data[:, 1].copy(), data[:, 2].copy()


def analyse_agenda(agenda: Agenda) -> Analysis:
    """Analyse the agenda's votes now and store the outcome (one Analysis per agenda)."""
    started = timezone.now()
    voters, statements, values = vote_arrays(agenda)
    hidden = agenda.statements.exclude(status=Statement.Status.ACCEPTED).exclude(
        status=Statement.Status.PENDING
    )
    moderated_out = set(hidden.values_list("number", flat=True)) | set(
        agenda.statements.filter(merged_into__isnull=False).values_list("number", flat=True)
    )
    meta = set(agenda.statements.filter(is_meta=True).values_list("number", flat=True))
    result = analyse(voters, statements, values, moderated_out=moderated_out, meta=meta)
    analysis, _created = Analysis.objects.update_or_create(
        agenda=agenda,
        defaults={
            "computed_at": started,
            "vote_count": len(values),
            "result": result.to_json(),
        },
    )
    return analysis


def is_current(agenda: Agenda) -> bool:
    """Is the stored analysis newer than the last vote?"""
    computed_at = (
        Analysis.objects.filter(agenda=agenda).values_list("computed_at", flat=True).first()
    )
    if computed_at is None:
        return agenda.last_vote_at is None
    return agenda.last_vote_at is None or computed_at >= agenda.last_vote_at


def request_analysis(agenda: Agenda) -> None:
    """Ask for a fresh analysis after the current transaction commits (debounced, see above)."""
    agenda_id = agenda.pk

    def enqueue() -> None:
        key = _pending_key(agenda_id)
        if not cache.add(key, 1, timeout=DEBOUNCE.total_seconds()):
            return
        from .tasks import analyse_agenda_task

        queued = analyse_agenda_task
        if analyse_agenda_task.get_backend().supports_defer:
            queued = analyse_agenda_task.using(run_after=timezone.now() + DEBOUNCE)
        try:
            queued.enqueue(agenda_id)
        except Exception:
            # The vote is stored; the voter must not see an error for the analysis. Free the
            # marker, or no vote would queue one for the rest of the window.
            cache.delete(key)
            logger.exception("Queueing the analysis of agenda %s failed", agenda_id)

    transaction.on_commit(enqueue)


def run_analysis_task(agenda_id: int) -> None:
    """The task's work. A failed analysis is logged and never reaches the voter: the next vote
    after the debounce window, or the results page, tries again."""
    agenda = Agenda.objects.filter(pk=agenda_id).first()
    if agenda is None or is_current(agenda):
        return
    try:
        analyse_agenda(agenda)
    except Exception:
        logger.exception("Analysing agenda %s failed", agenda_id)
