"""The data of the agenda vote benchmark: seed one open agenda with accepted statements, and
afterwards compare the votes in the database with what the voters were answered.

Import after django.setup(). `seed` and `count_votes` work on any database Django points at
(the benchmark's own PostgreSQL database; SQLite in tests/bench/test_agenda_seed.py); the caller
closes the connections.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils import timezone

from wijkdialoog.agenda.models import Agenda, Statement, Vote, Voter
from wijkdialoog.community.models import Neighbourhood, Organisation
from wijkdialoog.dialogues.models import Series
from wijkdialoog.methods.selection import default_builtin_method

TOPICS = [
    "meer bankjes in het park",
    "een veilige oversteek bij de school",
    "een moestuin voor de hele straat",
    "vaker samen de straat vegen",
    "een buurtkamer die elke dag open is",
    "betere verlichting op het fietspad",
    "een speelplek voor grotere kinderen",
    "een ruilkast bij de bibliotheek",
    "koffie-ochtenden voor nieuwe buren",
    "minder auto's in de smalle straten",
]


@dataclass(frozen=True)
class AgendaWorld:
    agenda_pk: int
    token: str
    numbers: tuple[int, ...]


def seed(statement_count: int = 25) -> AgendaWorld:
    """One series with one agenda, open since yesterday until tomorrow, and `statement_count`
    accepted statements made in one query."""
    now = timezone.now()
    organisation = Organisation.objects.create(
        name="Buurtwerk Stembench", slug="stembench", privacy_email="privacy@bench.example.org"
    )
    neighbourhood = Neighbourhood.objects.create(
        organisation=organisation, name="Stemwijk", slug="stemwijk"
    )
    series = Series.objects.create(
        organisation=organisation,
        neighbourhood=neighbourhood,
        theme="Samen kiezen wat voorgaat",
        slug="kiezen",
        description="Een wijkagenda waar heel veel buren tegelijk over stemmen.",
        default_method=default_builtin_method("nl"),
    )
    agenda = Agenda.objects.create(
        series=series,
        title="Wat moet voorrang krijgen in de Stemwijk?",
        opens_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=1),
        allow_proposals=True,
    )
    statements = Statement.objects.bulk_create(
        Statement(
            agenda=agenda,
            number=number,
            text=f"Wij willen {TOPICS[(number - 1) % len(TOPICS)]} ({number}).",
            status=Statement.Status.ACCEPTED,
        )
        for number in range(1, statement_count + 1)
    )
    return AgendaWorld(
        agenda_pk=agenda.pk,
        token=agenda.token,
        numbers=tuple(statement.number for statement in statements),
    )


@dataclass
class Ledger:
    """What the voters sent, per (device token hash, statement number), in order: the value and
    whether the server answered 2xx/3xx (the vote counts) or the answer never came (unknown)."""

    sent: dict[tuple[str, int], list[tuple[int, bool]]] = field(
        default_factory=lambda: defaultdict(list)
    )

    def record(self, token_hash: str, number: int, value: int, acknowledged: bool) -> None:
        self.sent[(token_hash, number)].append((value, acknowledged))


@dataclass(frozen=True)
class VoteCount:
    stored: dict[tuple[str, int], int]
    voters: int
    doubled_votes: int
    doubled_voters: int


def count_votes(agenda_pk: int) -> VoteCount:
    votes = Vote.objects.filter(voter__agenda_id=agenda_pk)
    stored = {
        (token_hash, number): value
        for token_hash, number, value in votes.values_list(
            "voter__token_hash", "statement__number", "value"
        )
    }
    doubled_votes = (
        votes.values("voter_id", "statement_id").annotate(n=Count("pk")).filter(n__gt=1).count()
    )
    voters = Voter.objects.filter(agenda_id=agenda_pk)
    doubled_voters = (
        voters.exclude(token_hash="")
        .values("token_hash")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
        .count()
    )
    return VoteCount(stored, voters.count(), doubled_votes, doubled_voters)


@dataclass(frozen=True)
class Verdict:
    acknowledged: int
    lost: list[tuple[str, int]]
    wrong_value: list[tuple[str, int]]
    never_sent: list[tuple[str, int]]
    stored_unanswered: int

    @property
    def intact(self) -> bool:
        return not (self.lost or self.wrong_value or self.never_sent)


def compare(ledger: Ledger, count: VoteCount) -> Verdict:
    """Every vote answered 2xx/3xx must be stored with the last value answered, or with a value
    sent after it whose answer never came (the server may have stored it). A vote stored while
    no answer to it came is counted apart: not an error of the server."""
    lost, wrong, unanswered = [], [], 0
    acknowledged = 0
    for key, attempts in ledger.sent.items():
        last = max((i for i, (_v, ok) in enumerate(attempts) if ok), default=None)
        stored = count.stored.get(key)
        if last is None:
            unanswered += stored is not None
            continue
        acknowledged += 1
        allowed = {value for value, _ok in attempts[last:]}
        if stored is None:
            lost.append(key)
        elif stored not in allowed:
            wrong.append(key)
    never_sent = [key for key in count.stored if key not in ledger.sent]
    return Verdict(acknowledged, lost, wrong, never_sent, unanswered)
