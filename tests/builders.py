"""Builders for test data: plain functions on the ORM, one per kind of object, no factory library.

Each builder fills in what the tests rarely care about and takes the rest as keyword arguments.
Owned objects get their organisation from where they belong, as the domain functions do.
"""

import datetime
import io
import itertools

from django.utils import timezone

from wijkdialoog.community.models import Membership, Neighbourhood, Organisation, Person, User
from wijkdialoog.dialogues.models import Meeting, Series, Table, Venue
from wijkdialoog.harvest.models import Card
from wijkdialoog.methods.models import Method, Phase
from wijkdialoog.registrations.models import Channel, Registration

PASSWORD = "a-long-test-password"

_numbers = itertools.count(1)


# community


def make_organisation(name=None, slug=None) -> Organisation:
    n = next(_numbers)
    return Organisation.objects.create(
        name=name or f"Organisatie {n}",
        slug=slug or f"organisatie-{n}",
        privacy_email=f"privacy{n}@example.org",
    )


def make_person(organisation, first_name="Rita", email="", user=None, **extra) -> Person:
    return Person.objects.create(
        organisation=organisation, first_name=first_name, email=email, user=user, **extra
    )


def make_membership(
    organisation, role, *, first_name, email, trained=False, password=PASSWORD, **extra
) -> Membership:
    user = User.objects.filter(email=email).first() or User.objects.create_user(
        email=email, password=password
    )
    person = make_person(organisation, first_name=first_name, email=email, user=user)
    trained_since = timezone.localdate() - datetime.timedelta(days=100) if trained else None
    return Membership.objects.create(person=person, role=role, trained_since=trained_since, **extra)


# dialogues


def make_venue(organisation, name="Buurthuis De Kers", **extra) -> Venue:
    values = {
        "street_address": "Kersenplein 3",
        "postcode": "1234 AB",
        "city": "Westerlaan",
        "step_free_entrance": True,
        "hearing_loop": True,
        "public_transport": "Bus 15, halte Kersenplein",
    }
    values.update(extra)
    return Venue.objects.create(organisation=organisation, name=name, **values)


def make_series(neighbourhood, theme="Thuis in je buurt", slug=None, **extra) -> Series:
    values = {"description": "Praten over thuis zijn in de buurt.", "cadence_weeks": 8}
    values.update(extra)
    return Series.objects.create(
        organisation_id=neighbourhood.organisation_id,
        neighbourhood=neighbourhood,
        theme=theme,
        slug=slug or f"thuis-{next(_numbers)}",
        **values,
    )


def make_meeting(
    where: Series | Neighbourhood,
    *,
    days=10,
    hours=0.0,
    at: datetime.time | None = None,
    duration=datetime.timedelta(hours=3),
    published=True,
    venue: Venue | None = None,
    seats: tuple[int, ...] | None = None,
    languages: dict[int, str] | None = None,
    default_method: Method | None = None,
    **extra,
) -> Meeting:
    """A meeting `days` (and `hours`) from now, at the time `at` (UTC) when given.

    Given a series: a bare meeting of that series, tables only for `seats`. Given a neighbourhood:
    a ready meeting in a new series (with `default_method`), at a new venue, with one table of
    eight unless `seats` says otherwise. `languages` maps a table number to its language.
    """
    if isinstance(where, Neighbourhood):
        series = make_series(where, default_method=default_method)
        venue = venue or make_venue(where.organisation)
        seats = (8,) if seats is None else seats
    else:
        series = where
    starts = timezone.now() + datetime.timedelta(days=days, hours=hours)
    if at is not None:
        starts = starts.replace(hour=at.hour, minute=at.minute, second=0)
    starts = starts.replace(microsecond=0)
    values = {
        "starts_at": starts,
        "ends_at": starts + duration,
        "publish_at": timezone.now() - datetime.timedelta(days=20) if published else None,
        "venue": venue,
        "what_to_expect": "Koffie, thee en een goed gesprek.",
    }
    values.update(extra)
    meeting = Meeting.objects.create(
        organisation_id=series.organisation_id, series=series, **values
    )
    for number, count in enumerate(seats or (), start=1):
        make_table(
            meeting, number=number, seats=count, language=(languages or {}).get(number, "nl")
        )
    return meeting


def make_table(meeting, number=1, seats=8, **extra) -> Table:
    return Table.objects.create(meeting=meeting, number=number, seats=seats, **extra)


# registrations


def make_registration(
    meeting,
    who: Person | str = "Rita",
    *,
    last_name="",
    email="",
    status=Registration.Status.CONFIRMED,
    checked_in=False,
    **extra,
) -> Registration:
    """A registration of `who`: a person, or the first name of a new person."""
    if isinstance(who, Person):
        person = who
    else:
        person = make_person(
            meeting.series.neighbourhood.organisation,
            first_name=who,
            last_name=last_name,
            email=email,
        )
    now = timezone.now()
    values = {
        "consent_at": now,
        "consent_version": "test",
        "waiting_since": now if status == Registration.Status.WAITING else None,
        "cancelled_at": now if status == Registration.Status.CANCELLED else None,
        "checked_in_at": now if checked_in else None,
    }
    values.update(extra)
    return Registration.objects.create(meeting=meeting, person=person, status=status, **values)


def seat(table, first_name, **extra) -> Registration:
    """A confirmed registration of a new person, seated at `table`."""
    return make_registration(table.meeting, first_name, table=table, **extra)


AGES = ["u18", "18-34", "35-54", "55-74", "75+"]
RELATIONS = ["resident", "volunteer", "professional", "partner", "other"]


def fill(meeting, count, *, start=0) -> list[Registration]:
    """`count` confirmed people with varied ages, relations and first-time answers."""
    return [
        make_registration(
            meeting,
            f"Persoon{i:03d}",
            last_name=f"Achternaam{i:03d}",
            email=f"persoon{i:03d}@example.org",
            age_group=AGES[i % len(AGES)],
            relation=RELATIONS[(i // 2) % len(RELATIONS)],
            first_time=i % 3 == 0,
        )
        for i in range(start, start + count)
    ]


def sign_up(meeting, first_name="Anna", email=None, **extra):
    """Register through the domain function with an address derived from the name."""
    from wijkdialoog.registrations import registering

    if email is None and "phone" not in extra:
        email = f"{first_name.lower()}@example.org"
    return registering.register(meeting=meeting, first_name=first_name, email=email or "", **extra)


def make_channel(series, kind=Channel.Kind.POSTER, *, meeting=None, label="") -> Channel:
    return Channel.objects.create(series=series, kind=kind, meeting=meeting, label=label)


# methods

# (name, purpose, questions, minutes, card kinds) per phase.
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
# Phase names only: each gets one question, twenty minutes and three card kinds.
PHASES_NL = ["Kennismaken", "Ervaringen delen", "Dromen", "Doen"]
PHASES_EN = ["Getting to know each other", "Sharing experiences", "Dreaming", "Doing"]


def _phase_values(phase) -> tuple:
    if isinstance(phase, str):
        return (phase, "", "Wat betekent dit voor jou?", 20, ["experience", "dream", "idea"])
    return phase


def make_method(
    organisation=None, *, name="Waarderende dialoog", family=None, language="nl", phases=PHASES
) -> Method:
    method = Method.objects.create(
        organisation=organisation,
        family=family or f"waarderend-{next(_numbers)}",
        language=language,
        name=name,
        summary="Een gesprek over wat werkt.",
        conversation_rules="Spreek voor jezelf.\nLuister en vraag door.\nGeen discussie.",
    )
    for position, phase in enumerate(phases, start=1):
        phase_name, purpose, questions, minutes, kinds = _phase_values(phase)
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


# harvest


def make_harvest_meeting(neighbourhood, *, tables=2, published=True, days=-1) -> Meeting:
    """A meeting (yesterday by default) with numbered tables and its own Dutch method."""
    method = make_method(neighbourhood.organisation, phases=PHASES_NL)
    return make_meeting(
        make_series(neighbourhood),
        days=days,
        published=published,
        method=method,
        seats=(8,) * tables,
    )


def phase(meeting, position: int) -> Phase:
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


def png_bytes(size=(40, 30), format="PNG") -> bytes:
    """A small real image, as a phone would send a photo of a flip-chart."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, "green").save(buffer, format=format)
    return buffer.getvalue()
