"""The data of the harvest load benchmark: seed one meeting with many tables and logged-in
facilitators, and count the cards afterwards (creating and dropping the database: loadkit).

Import after django.setup(), with DATABASE_URL pointing at the benchmark database.
"""

import datetime
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.hashers import make_password
from django.contrib.sessions.backends.db import SessionStore
from django.db import connections
from django.db.models import Count
from django.utils import timezone

from wijkdialoog.community.models import Membership, Neighbourhood, Organisation, Person, User
from wijkdialoog.dialogues.models import Meeting, Series, Table
from wijkdialoog.harvest.models import Card, TableRun
from wijkdialoog.methods.selection import default_builtin_method
from wijkdialoog.registrations.models import Registration

PEOPLE_PER_TABLE = 6


@dataclass(frozen=True)
class BenchTable:
    pk: int
    session_key: str
    phase_id: int
    kinds: tuple[str, ...]


@dataclass(frozen=True)
class World:
    meeting_pk: int
    tables: list[BenchTable]


def seed(table_count: int) -> World:
    """One published meeting under way, `table_count` tables, each with a started conversation,
    six people and its own facilitator, logged in (a session made here, its cookie used by the
    load generator: magic-link logins are not what is measured)."""
    now = timezone.now()
    organisation = Organisation.objects.create(
        name="Buurtwerk Bench", slug="bench", privacy_email="privacy@bench.example.org"
    )
    neighbourhood = Neighbourhood.objects.create(
        organisation=organisation, name="Benchwijk", slug="benchwijk"
    )
    method = default_builtin_method("nl")
    series = Series.objects.create(
        organisation=organisation,
        neighbourhood=neighbourhood,
        theme="Thuis in de buurt",
        slug="thuis",
        description="Een wijkdialoog met heel veel tafels.",
        default_method=method,
    )
    meeting = Meeting.objects.create(
        organisation=organisation,
        series=series,
        starts_at=now - datetime.timedelta(minutes=30),
        ends_at=now + datetime.timedelta(hours=2),
        publish_at=now - datetime.timedelta(days=14),
    )

    unusable = make_password(None)
    users = User.objects.bulk_create(
        User(email=f"tafel{n}@bench.example.org", password=unusable)
        for n in range(1, table_count + 1)
    )
    facilitators = Person.objects.bulk_create(
        Person(organisation=organisation, first_name=f"Begeleider {n}", user=user)
        for n, user in enumerate(users, start=1)
    )
    Membership.objects.bulk_create(
        Membership(
            person=person,
            role=Membership.Role.FACILITATOR,
            trained_since=now.date() - datetime.timedelta(days=100),
        )
        for person in facilitators
    )
    tables = Table.objects.bulk_create(
        Table(meeting=meeting, number=n, seats=8, facilitator=person)
        for n, person in enumerate(facilitators, start=1)
    )
    residents = Person.objects.bulk_create(
        Person(organisation=organisation, first_name=f"Buur {t}-{i}")
        for t in range(table_count)
        for i in range(PEOPLE_PER_TABLE)
    )
    Registration.objects.bulk_create(
        Registration(
            meeting=meeting,
            person=person,
            table=tables[index // PEOPLE_PER_TABLE],
            consent_at=now,
            consent_version="bench",
        )
        for index, person in enumerate(residents)
    )

    # Tables are in the middle of their conversation, each in some phase.
    phases = list(method.phases.order_by("position"))
    collecting = [phase for phase in phases if phase.card_kinds] or phases
    runs = TableRun.objects.bulk_create(
        TableRun(
            table=table,
            method=method,
            phase_position=collecting[n % len(collecting)].position,
            started_at=now - datetime.timedelta(minutes=20),
            phase_started_at=now - datetime.timedelta(minutes=5),
        )
        for n, table in enumerate(tables)
    )
    phase_at = {phase.position: phase for phase in phases}

    bench_tables = []
    for table, run, user in zip(tables, runs, users, strict=True):
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        phase = phase_at[run.phase_position]
        bench_tables.append(
            BenchTable(
                pk=table.pk,
                session_key=session.session_key,
                phase_id=phase.pk,
                kinds=tuple(k for k in phase.card_kinds if k != "action") or ("idea",),
            )
        )
    connections.close_all()
    return World(meeting_pk=meeting.pk, tables=bench_tables)


def csrf_secret() -> str:
    """A CSRF secret for the cookie and the header alike (32 letters and digits)."""
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    return "".join(secrets.choice(alphabet) for _ in range(32))


def cookie_names() -> tuple[str, str]:
    return settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME


@dataclass(frozen=True)
class CardCount:
    total: int
    client_ids: set[str]
    duplicated: int


def count_cards(meeting_pk: int) -> CardCount:
    cards = Card.objects.filter(meeting_id=meeting_pk)
    ids = [str(value) for value in cards.values_list("client_id", flat=True)]
    duplicated = cards.values("client_id").annotate(n=Count("pk")).filter(n__gt=1).count()
    connections.close_all()
    return CardCount(total=len(ids), client_ids=set(ids), duplicated=duplicated)
