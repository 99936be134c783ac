"""Test data for facilitator mode and the harvest, built with the ORM."""

import datetime
import io
import itertools

from django.utils import timezone

from tests.factories import make_person
from wijkdialoog.dialogues.models import Meeting, Series, Table
from wijkdialoog.methods.models import Method, Phase
from wijkdialoog.registrations.models import Registration

_numbers = itertools.count(1)

PHASES = [
    (
        "Opening",
        "Welcome everyone and agree on the rules.",
        "What is your name?\nWhat brought you here?",
        10,
        [],
    ),
    (
        "Kennismaken",
        "Get to know each other around the theme.",
        "What does feeling at home mean to you?",
        20,
        ["value", "quote"],
    ),
    (
        "Ervaringen delen",
        "Share a good experience.",
        "When did you feel at home here?\nWho helped?",
        30,
        ["experience", "value"],
    ),
    ("Doen", "Small steps.", "What small step do you take?", 20, ["action", "initiative"]),
]


def make_method(
    *, organisation=None, name="Waarderende dialoog", language="nl", phases=PHASES, family=None
):
    method = Method.objects.create(
        organisation=organisation,
        family=family or f"waarderend-{next(_numbers)}",
        language=language,
        name=name,
        summary="Een gesprek over wat werkt.",
        conversation_rules="Spreek voor jezelf.\nLuister en vraag door.\nGeen discussie.",
    )
    for position, (phase_name, purpose, questions, minutes, kinds) in enumerate(phases, start=1):
        Phase.objects.create(
            method=method,
            position=position,
            name=phase_name,
            purpose=purpose,
            questions=questions,
            minutes=minutes,
            card_kinds=kinds,
        )
    return method


def make_meeting(neighbourhood, *, method=None, days=0, hours=-0.5, tables=1) -> Meeting:
    """A published meeting that started half an hour ago (by default), with its tables."""
    series = Series.objects.create(
        neighbourhood=neighbourhood,
        theme="Thuis in je buurt",
        slug=f"thuis-{next(_numbers)}",
        description="Praten over thuis zijn in de buurt.",
        default_method=method,
    )
    starts = (timezone.now() + datetime.timedelta(days=days, hours=hours)).replace(microsecond=0)
    meeting = Meeting.objects.create(
        series=series,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=3),
        publish_at=timezone.now() - datetime.timedelta(days=20),
    )
    for number in range(1, tables + 1):
        Table.objects.create(meeting=meeting, number=number, seats=8)
    return meeting


def seat(table, first_name, **extra) -> Registration:
    """A confirmed registration of a new person, seated at `table`."""
    person = make_person(table.meeting.series.neighbourhood.organisation, first_name=first_name)
    values = {"consent_at": timezone.now(), "consent_version": "test", "table": table}
    values.update(extra)
    return Registration.objects.create(meeting=table.meeting, person=person, **values)


def png_bytes(size=(40, 30), format="PNG") -> bytes:
    """A small real image, as a phone would send a photo of a flip-chart."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, "green").save(buffer, format=format)
    return buffer.getvalue()
