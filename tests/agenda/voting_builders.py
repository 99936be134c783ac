"""Test data for the voting tests: an open agenda with statements, and a client with a device."""

import datetime

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.builders import make_series
from wijkdialoog.agenda.models import Agenda, Statement


def make_agenda(neighbourhood, *, statements=5, open=True, series=None, **extra) -> Agenda:
    now = timezone.now()
    values = {
        "title": "Wat vindt de Kersenbuurt belangrijk?",
        "opens_at": now - datetime.timedelta(days=1) if open else None,
        "closes_at": now + datetime.timedelta(days=14),
    }
    values.update(extra)
    agenda = Agenda.objects.create(series=series or make_series(neighbourhood), **values)
    for number in range(1, statements + 1):
        add_statement(agenda, number)
    return agenda


def add_statement(agenda, number, status=Statement.Status.ACCEPTED, **extra) -> Statement:
    values = {"text": f"Stelling {number}: meer groen in de straat", "status": status}
    values.update(extra)
    return Statement.objects.create(agenda=agenda, number=number, **values)


def device(agenda, **get) -> Client:
    """A fresh phone that opened the voting link (and so holds the device cookie)."""
    client = Client()
    response = client.get(reverse("agenda-vote", args=[agenda.token]), get)
    assert response.status_code == 200
    return client


def vote(client, agenda, number, value="agree", **extra):
    data = {"statement": str(number), "vote": value, **extra}
    return client.post(reverse("agenda-vote", args=[agenda.token]), data)


# The headers vote.js sends: htmx's, so the view answers with the vote area alone.
FRAGMENT_HEADERS = {"HX-Request": "true", "HX-Target": "vote-area"}


def vote_in_background(client, agenda, number, value="agree", **extra):
    data = {"statement": str(number), "vote": value, **extra}
    return client.post(reverse("agenda-vote", args=[agenda.token]), data, headers=FRAGMENT_HEADERS)
