"""The analysis request after votes: debounced, skipped when the stored analysis is current."""

import datetime

import numpy as np
import pytest
from django.utils import timezone

from tests.agenda.voting_builders import add_statement, make_agenda
from wijkdialoog.agenda import analysing, voting
from wijkdialoog.agenda.models import Analysis, Statement, Voter

pytestmark = pytest.mark.django_db


def test_vote_arrays_hold_numbers_and_values_without_pending_statements(neighbourhood):
    agenda = make_agenda(neighbourhood, statements=2)
    pending = add_statement(agenda, 3, status=Statement.Status.PENDING)
    voter = voting.new_voter(agenda=agenda, token_hash="a" * 64, source=Voter.Source.ONLINE)
    first, second = agenda.statements.filter(status="accepted").order_by("number")
    voting.cast_vote(agenda=agenda, voter=voter, statement=first, value=1)
    voting.cast_vote(agenda=agenda, voter=voter, statement=second, value=-1)
    voter.votes.create(statement=pending, value=1)

    voters, statements, values = analysing.vote_arrays(agenda)
    order = np.argsort(statements)
    assert voters.tolist() == [1, 1]
    assert statements[order].tolist() == [1, 2] and values[order].tolist() == [1, -1]


def test_an_analysis_newer_than_the_last_vote_is_current(neighbourhood):
    agenda = make_agenda(neighbourhood, statements=1)
    assert analysing.is_current(agenda)
    agenda.last_vote_at = timezone.now()
    assert not analysing.is_current(agenda)
    Analysis.objects.create(agenda=agenda, computed_at=agenda.last_vote_at)
    assert analysing.is_current(agenda)
    agenda.last_vote_at += datetime.timedelta(seconds=1)
    assert not analysing.is_current(agenda)


def test_votes_within_the_window_enqueue_one_task(
    neighbourhood, django_capture_on_commit_callbacks
):
    agenda = make_agenda(neighbourhood, statements=3)
    voter = voting.new_voter(agenda=agenda, token_hash="a" * 64, source=Voter.Source.ONLINE)
    runs = []
    for statement in agenda.statements.all():
        with django_capture_on_commit_callbacks() as callbacks:
            voting.cast_vote(agenda=agenda, voter=voter, statement=statement, value=1)
        assert len(callbacks) == 1
        runs.append(analysing.cache.add(analysing._pending_key(agenda.pk), 1))
    # The first vote's callback was not run here, so the key was free once and then taken.
    assert runs == [True, False, False]
