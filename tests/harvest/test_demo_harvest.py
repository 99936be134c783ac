"""The demo's harvest: the past meetings carry cards across tables and phases with a mix of
publication levels, closed tables with notes and evaluations; internal, waiting and private
cards never reach the wall; the next meeting is ready to run."""

import re

import pytest
from django.urls import reverse

from wijkdialoog.harvest.models import Card, Evaluation, TableRun
from wijkdialoog.methods.kinds import CardKind
from wijkdialoog.site.management.commands.demo import load_demo

PAST = ["kersenbuurt_past_1", "kersenbuurt_past_2"]


@pytest.fixture
def demo(db):
    return load_demo()


def test_the_past_meetings_carry_a_harvest_and_the_next_one_is_ready_to_run(demo):
    # Loading the demo takes seconds: one test looks at the whole harvest.
    for key in PAST:
        meeting = demo["meetings"][key]
        cards = Card.objects.filter(meeting=meeting)
        assert 25 <= cards.count() <= 40, key
        assert cards.values("table").distinct().count() == meeting.tables.count()
        assert cards.values("phase__position").distinct().count() >= 5
        assert all(card.phase_name for card in cards)
        # Written during the meeting, not when the demo was loaded.
        assert all(meeting.starts_at <= c.created_at <= meeting.ends_at for c in cards)
    cards = Card.objects.filter(meeting__in=[demo["meetings"][k] for k in PAST])
    assert set(cards.values_list("kind", flat=True)) == set(CardKind.values)
    assert set(cards.values_list("publication", flat=True)) == set(Card.Publication.values)
    assert cards.filter(status=Card.Status.PENDING, source=Card.Source.PARTICIPANT).count() >= 2
    assert cards.filter(kind=CardKind.QUESTION, text__icontains="gemeente").count() >= 2

    # Personal actions belong to people at the table; most stay private, one is shared.
    actions = Card.objects.filter(kind=CardKind.PERSONAL_ACTION)
    assert actions.count() >= 4
    for action in actions:
        assert action.owner is not None
        assert action.owner.registrations.filter(table=action.table).exists()
    assert actions.filter(shared=True).count() == 1
    assert actions.filter(shared=False).count() > actions.filter(shared=True).count()

    # Every past table was run, closed with a note, and evaluated by a few people.
    for key in PAST:
        meeting = demo["meetings"][key]
        for table in meeting.tables.all():
            run = TableRun.objects.get(table=table)
            assert run.started_at and run.closed_at
            assert meeting.starts_at < run.started_at < run.closed_at <= meeting.ends_at
            assert run.closing_note
        assert Evaluation.objects.filter(table__meeting=meeting).count() >= 3

    # The next meeting: tables with facilitators and people, conversations not started.
    meeting = demo["meetings"]["kersenbuurt_next"]
    tables = list(meeting.tables.all())
    assert tables
    for table in tables:
        assert table.facilitator is not None
        assert table.registrations.exists()
        run = TableRun.objects.get(table=table)
        assert run.started_at is None
        assert run.closed_at is None
    assert not Card.objects.filter(meeting=meeting).exists()


def test_internal_waiting_and_private_cards_of_the_demo_are_not_on_the_wall(demo, client):
    for key in PAST:
        meeting = demo["meetings"][key]
        html = client.get(reverse("harvest-wall", args=[meeting.pk])).content.decode()
        shown = {int(pk) for pk in re.findall(r'id="card-(\d+)"', html)}
        cards = Card.objects.filter(meeting=meeting)
        assert shown == set(cards.public().values_list("pk", flat=True))
        hidden = cards.exclude(pk__in=shown)
        assert hidden.filter(publication=Card.Publication.INTERNAL).exists()
        assert hidden.filter(status=Card.Status.PENDING).exists()
        for card in hidden:
            assert card.text not in html
        # Names only where the card is public with a name; anonymous cards keep theirs hidden.
        anonymous = cards.public().filter(publication=Card.Publication.ANONYMOUS)
        assert anonymous.exclude(first_name="").exists()
        for card in anonymous:
            block = re.search(rf'id="card-{card.pk}".*?</li>', html, re.S).group(0)
            assert "wd-wall-card__name" not in block
        named = cards.public().filter(publication=Card.Publication.PUBLIC).exclude(first_name="")
        for card in named:
            block = re.search(rf'id="card-{card.pk}".*?</li>', html, re.S).group(0)
            assert card.first_name in block
