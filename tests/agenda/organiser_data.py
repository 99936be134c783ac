"""Shared test data for the organiser's agenda pages."""

import datetime

from django.utils import timezone

from tests.builders import make_card, make_harvest_meeting
from wijkdialoog.agenda.models import Agenda, Statement, Vote, Voter


def make_agenda(series, *, closed=False, **extra) -> Agenda:
    now = timezone.now()
    return Agenda.objects.create(
        series=series,
        title=extra.pop("title", "Wat vinden we belangrijk?"),
        opens_at=now - datetime.timedelta(days=7),
        closes_at=now - datetime.timedelta(hours=1) if closed else now + datetime.timedelta(days=7),
        **extra,
    )


def make_statement(agenda, text, number=None, **extra) -> Statement:
    number = number or (agenda.statements.count() + 1)
    return Statement.objects.create(agenda=agenda, number=number, text=text, **extra)


def make_voter(agenda, number) -> Voter:
    return Voter.objects.create(agenda=agenda, number=number, source=Voter.Source.PAPER)


def vote(voter, statement, value) -> Vote:
    return Vote.objects.create(voter=voter, statement=statement, value=value)


def harvest_agenda(neighbourhood):
    meeting = make_harvest_meeting(neighbourhood)
    agenda = make_agenda(meeting.series)
    return meeting, agenda


def harvest_cards(meeting):
    need = make_card(meeting, "We hebben een plek nodig om samen te zijn.", kind="need")
    secret = make_card(
        meeting, "Het geheime plan van de buurman.", kind="idea", publication="internal"
    )
    story = make_card(meeting, "Vroeger was hier een markt.", kind="experience")
    return need, secret, story
