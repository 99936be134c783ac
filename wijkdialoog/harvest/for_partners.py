"""What a partner (municipality, care, welfare, wijkteam) sees of the harvest on My page.

Partners are logged-in members of the organisation, but not its organisers: they see what the
neighbourhood itself may see — the public cards of past meetings of their organisations'
neighbourhoods — and the questions addressed to partners among those public cards. Internal
cards stay with the organisers (the rule `harvest.view_internal_cards`); the page only counts
the internal questions, so partners know to ask the organisers about them.

A fixed number of queries, however many meetings and cards there are.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, F
from django.db.models.expressions import Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from wijkdialoog.community.access import organisations_where
from wijkdialoog.community.models import Membership
from wijkdialoog.dialogues.models import Meeting
from wijkdialoog.methods.kinds import CardKind

from .models import Card

# My page is a start, not an archive: the walls hold the rest.
MEETINGS_SHOWN = 6
CARDS_PER_MEETING = 4
QUESTIONS_SHOWN = 20


@dataclass
class MeetingHarvest:
    meeting: Meeting
    total: int
    cards: list[Card] = field(default_factory=list)

    @property
    def hidden_count(self) -> int:
        return self.total - len(self.cards)


@dataclass(frozen=True)
class PartnerHarvest:
    meetings: list[MeetingHarvest]
    questions: list[Card]
    question_count: int
    internal_question_count: int


def _past_meetings(organisation_ids: list[int], now: datetime.datetime):
    return Meeting.objects.filter(
        organisation_id__in=organisation_ids,
        cancelled_at__isnull=True,
        publish_at__lte=now,
        ends_at__lte=now,
    )


def _newest_cards(meeting_ids: list[int]) -> dict[int, list[Card]]:
    # Questions for partners have their own list on the page; the preview shows the rest.
    ranked = (
        Card.objects.filter(meeting_id__in=meeting_ids)
        .public()
        .exclude(kind=CardKind.QUESTION)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("meeting_id")],
                order_by=[F("created_at").desc(), F("pk").desc()],
            )
        )
        .filter(rank__lte=CARDS_PER_MEETING)
        .order_by("-created_at", "-pk")
    )
    cards: dict[int, list[Card]] = {}
    for card in ranked:
        cards.setdefault(card.meeting_id, []).append(card)
    return cards


def partner_harvest(user, now: datetime.datetime | None = None) -> PartnerHarvest | None:
    """The harvest for a partner's My page; None for someone who is nowhere a partner."""
    organisation_ids = organisations_where(user, Membership.Role.PARTNER)
    if not organisation_ids:
        return None
    past = _past_meetings(organisation_ids, now or timezone.now())
    counts = list(
        Card.objects.filter(meeting__in=past)
        .public()
        .values("meeting_id")
        .annotate(total=Count("pk"))
        .order_by("-meeting__starts_at", "-meeting_id")[:MEETINGS_SHOWN]
    )
    meeting_ids = [row["meeting_id"] for row in counts]
    meetings = Meeting.objects.select_related("series__neighbourhood").in_bulk(meeting_ids)
    cards = _newest_cards(meeting_ids)
    harvests = [
        MeetingHarvest(meetings[row["meeting_id"]], row["total"], cards.get(row["meeting_id"], []))
        for row in counts
    ]

    questions = Card.objects.filter(meeting__in=past, kind=CardKind.QUESTION).public()
    internal = Card.objects.filter(
        meeting__in=past,
        kind=CardKind.QUESTION,
        status=Card.Status.APPROVED,
        publication=Card.Publication.INTERNAL,
    )
    return PartnerHarvest(
        meetings=harvests,
        questions=list(
            questions.select_related("meeting__series__neighbourhood").order_by(
                "-meeting__starts_at", "-created_at", "-pk"
            )[:QUESTIONS_SHOWN]
        ),
        question_count=questions.count(),
        internal_question_count=internal.count(),
    )
