"""Test data for the harvest wall, paper entry and the harvest demo: a published meeting with
tables, a method with phases in Dutch and English, and cards made with the ORM."""

import itertools

from tests.dialogues.builders import make_meeting, make_series, make_table
from wijkdialoog.harvest.models import Card
from wijkdialoog.methods.models import Method, Phase

_numbers = itertools.count(1)

PHASES_NL = ["Kennismaken", "Ervaringen delen", "Dromen", "Doen"]
PHASES_EN = ["Getting to know each other", "Sharing experiences", "Dreaming", "Doing"]


def make_method(organisation, *, family=None, language="nl", phases=PHASES_NL) -> Method:
    method = Method.objects.create(
        organisation=organisation,
        family=family or f"werkvorm-{next(_numbers)}",
        language=language,
        name=f"Werkvorm ({language})",
        conversation_rules="Spreek vanuit jezelf.\nLuister naar elkaar.",
    )
    for position, name in enumerate(phases, start=1):
        Phase.objects.create(
            method=method,
            position=position,
            name=name,
            questions="Wat betekent dit voor jou?",
            minutes=20,
            card_kinds=["experience", "dream", "idea"],
        )
    return method


def make_harvest_meeting(neighbourhood, *, tables=2, published=True, days=-1):
    """A meeting (yesterday by default) with numbered tables and its own Dutch method."""
    series = make_series(neighbourhood, slug=f"thuis-{next(_numbers)}")
    method = make_method(neighbourhood.organisation)
    meeting = make_meeting(series, days=days, published=published, method=method)
    for number in range(1, tables + 1):
        make_table(meeting, number=number)
    return meeting


def phase(meeting, position: int):
    return meeting.method.phases.get(position=position)


def make_card(
    meeting,
    text,
    *,
    table=None,
    phase=None,
    kind="experience",
    publication=Card.Publication.PUBLIC,
    status=Card.Status.APPROVED,
    first_name="",
    **extra,
) -> Card:
    return Card.objects.create(
        meeting=meeting,
        table=table or meeting.tables.order_by("number").first(),
        phase=phase,
        phase_name=phase.name if phase else extra.pop("phase_name", ""),
        kind=kind,
        text=text,
        first_name=first_name,
        publication=publication,
        status=status,
        **extra,
    )
