"""Who a report is assembled for (see `assemble.py` for what each audience may see)."""

import enum

from django.db.models import QuerySet

from wijkdialoog.harvest.models import Card
from wijkdialoog.methods.kinds import CardKind
from wijkdialoog.synthesis.visibility import cards_shared_with_partners, public_cards


class Audience(enum.StrEnum):
    PUBLIC = "public"
    INTERNAL = "internal"
    PARTNER = "partner"


def visible_cards(audience: Audience, *, partners_see_internal: bool) -> QuerySet[Card]:
    """The cards a report for this audience may show: approved, never a private action."""
    if audience == Audience.INTERNAL:
        return Card.objects.filter(status=Card.Status.APPROVED).exclude(
            kind=CardKind.PERSONAL_ACTION, shared=False
        )
    if audience == Audience.PARTNER and partners_see_internal:
        return cards_shared_with_partners()
    return public_cards()
