"""Harvest announces a closed table and a new card after commit, once."""

import uuid

import pytest
from django.db import transaction

from tests.signals import Rollback, listen
from wijkdialoog.harvest import capture, running
from wijkdialoog.harvest.models import Card, TableRun
from wijkdialoog.harvest.signals import card_added, table_closed


def add(run, client_id):
    return capture.add_card(
        table=run.table, client_id=client_id, kind="idea", text="Een moestuin", phase=None
    )


def test_a_new_card_is_announced_once_after_commit_also_when_it_is_sent_again(
    run, django_capture_on_commit_callbacks
):
    client_id = uuid.uuid4()
    with listen(card_added) as heard, django_capture_on_commit_callbacks(execute=True):
        card = add(run, client_id)
        add(run, client_id)
        assert heard == []

    assert [(event["sender"], event["card"]) for event in heard] == [(Card, card)]


def test_a_card_that_is_rolled_back_is_not_announced(run, django_capture_on_commit_callbacks):
    with (
        listen(card_added) as heard,
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(Rollback),
        transaction.atomic(),
    ):
        add(run, uuid.uuid4())
        raise Rollback

    assert heard == []


def test_closing_a_table_is_announced_once_not_when_the_note_changes(
    run, facilitator, django_capture_on_commit_callbacks
):
    user = facilitator.person.user
    with listen(table_closed) as heard, django_capture_on_commit_callbacks(execute=True):
        running.close_run(run=run, closing_note="", actor=user)
        assert heard == []
        with django_capture_on_commit_callbacks(execute=True):
            running.close_run(run=run, closing_note="Goed gesprek", actor=user)

    assert [(event["sender"], event["run"].pk) for event in heard] == [(TableRun, run.pk)]


def test_a_closing_that_is_rolled_back_is_not_announced(
    run, facilitator, django_capture_on_commit_callbacks
):
    with (
        listen(table_closed) as heard,
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(Rollback),
        transaction.atomic(),
    ):
        running.close_run(run=run, closing_note="", actor=facilitator.person.user)
        raise Rollback

    assert heard == []
