"""What the harvest wall shows: a meeting's public cards from all tables, grouped by phase.

The wall polls every few seconds from many screens at once, so everything here runs a fixed
number of queries, however many cards the meeting has: one for the fingerprint (the ETag), one
for the newest cards of each phase and one for the number of cards per phase.
"""

import datetime
import hashlib
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, F, Max
from django.db.models.expressions import Window
from django.db.models.functions import RowNumber
from django.utils.functional import Promise
from django.utils.translation import get_language

from wijkdialoog.methods.kinds import CardKind

from .models import Card

# A projector shows a dozen cards per phase at most; older ones are counted, not shown.
CARDS_PER_PHASE = 12


@dataclass(frozen=True)
class WallState:
    """A fingerprint of what the wall would show, for conditional requests."""

    etag: str
    card_count: int
    table_count: int


@dataclass(frozen=True)
class WallCard:
    """What the wall shows of a card; read as plain values, since walls poll all evening."""

    pk: int
    kind: str
    text: str
    name: str
    created_at: datetime.datetime

    @property
    def kind_label(self) -> str | Promise:
        return CardKind(self.kind).label


@dataclass
class PhaseGroup:
    name: str
    position: int | None
    cards: list[WallCard] = field(default_factory=list)
    total: int = 0

    @property
    def hidden_count(self) -> int:
        return self.total - len(self.cards)


def wall_cards(meeting):
    """The cards the wall may show: Card.objects.public() is the one filter for what is public."""
    return Card.objects.filter(meeting=meeting).public()


def wall_state(meeting) -> WallState:
    """Changes whenever a card appears on, changes on or leaves the wall.

    A card that appears or changes brings a newer `updated_at` into the set; a card that only
    leaves it (rejected, made internal, deleted) lowers the count. The language is part of it
    because the kinds of card are shown translated.
    """
    stats = wall_cards(meeting).aggregate(
        newest=Max("updated_at"), count=Count("pk"), tables=Count("table", distinct=True)
    )
    newest = stats["newest"].isoformat() if stats["newest"] else "-"
    raw = f"{meeting.pk}|{get_language()}|{stats['count']}|{newest}"
    digest = hashlib.sha256(raw.encode()).hexdigest()[:32]
    return WallState(etag=f'"{digest}"', card_count=stats["count"], table_count=stats["tables"])


WALL_FIELDS = (
    "pk",
    "kind",
    "text",
    "first_name",
    "publication",
    "created_at",
    "phase_id",
    "phase_name",
    "phase__position",
    "phase__method__family",
    "phase__method__language",
)


def _group_key(row: dict) -> tuple:
    # The same phase in the English and the Dutch version of a method is one group.
    if row["phase_id"] is not None:
        return ("phase", row["phase__method__family"], row["phase__position"])
    return ("name", row["phase_name"].strip().casefold())


def _wall_card(row: dict) -> WallCard:
    return WallCard(
        pk=row["pk"],
        kind=row["kind"],
        text=row["text"],
        name=Card.name_in_public(publication=row["publication"], first_name=row["first_name"]),
        created_at=row["created_at"],
    )


def phase_groups(meeting, per_phase: int = CARDS_PER_PHASE) -> list[PhaseGroup]:
    """The newest cards of each phase, phases in the method's order, newest card first."""
    cards = wall_cards(meeting)
    newest_per_phase = (
        cards.annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("phase_id"), F("phase_name")],
                order_by=[F("created_at").desc(), F("pk").desc()],
            )
        )
        .filter(rank__lte=per_phase)
        .values(*WALL_FIELDS)
    )
    totals = {
        (row["phase_id"], row["phase_name"]): row["count"]
        for row in cards.order_by().values("phase_id", "phase_name").annotate(count=Count("pk"))
    }

    language = (get_language() or "")[:2]
    groups: dict[tuple, PhaseGroup] = {}
    names: dict[tuple, Counter] = {}
    group_of_partition: dict[tuple, tuple] = {}
    for row in newest_per_phase:
        key = _group_key(row)
        group_of_partition[(row["phase_id"], row["phase_name"])] = key
        group = groups.setdefault(key, PhaseGroup(name="", position=row["phase__position"]))
        group.cards.append(_wall_card(row))
        # Label the group in the language of the wall when a table used that version.
        in_language = row["phase__method__language"] == language
        names.setdefault(key, Counter())[row["phase_name"]] += 10_000 if in_language else 1
    for partition, count in totals.items():
        # A card added between the two queries has no group yet; the next poll shows it.
        if partition in group_of_partition:
            groups[group_of_partition[partition]].total += count

    for key, group in groups.items():
        group.cards.sort(key=lambda c: (c.created_at, c.pk), reverse=True)
        group.total = max(group.total, len(group.cards))
        del group.cards[per_phase:]
        group.name = names[key].most_common(1)[0][0]
    return sorted(
        groups.values(),
        key=lambda g: (g.position is None, g.position or 0, g.name.casefold()),
    )
