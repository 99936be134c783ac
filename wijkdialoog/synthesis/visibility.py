"""Which cards of a harvest someone may see, in one place for every synthesis page.

- The public (and anyone without a role): `Card.objects.public()` of published meetings.
- Partners: the same, plus internal cards when the organisation shares them (HarvestSharing).
- Organisers: every card except private personal actions (never, for anyone but their owner)
  and rejected cards. Cards waiting for approval are shown, marked as such.
"""

from django.db.models import QuerySet
from django.utils import timezone

from wijkdialoog.harvest.models import Card
from wijkdialoog.methods.kinds import CardKind


def public_cards() -> QuerySet[Card]:
    """Card.objects.public(), typed: the one definition of a card that may be shown in public."""
    cards: QuerySet[Card] = Card.objects.public()
    return cards


def cards_for_organisers() -> QuerySet[Card]:
    """Every card an organiser works with: not a private action, not a rejected card."""
    return Card.objects.exclude(kind=CardKind.PERSONAL_ACTION, shared=False).exclude(
        status=Card.Status.REJECTED
    )


def cards_shared_with_partners() -> QuerySet[Card]:
    """What a partner sees when internal cards are shared: the public cards and the approved
    internal ones (a card waiting for approval is still the organisers' business)."""
    return public_cards() | Card.objects.filter(
        status=Card.Status.APPROVED, publication=Card.Publication.INTERNAL
    ).exclude(kind=CardKind.PERSONAL_ACTION, shared=False)


def published_meetings_only(cards: QuerySet[Card]) -> QuerySet[Card]:
    return cards.filter(meeting__publish_at__lte=timezone.now())
