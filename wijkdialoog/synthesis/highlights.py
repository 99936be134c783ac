"""Highlights: cards an organiser picked as quotes for the story and the report.

A highlight is "for public use" only while its card is public (`Card.objects.public()`). A card
can stop being public later (made internal, rejected); `public_highlights` checks again every
time, so a public page never shows it, and the organiser's `highlights` still lists it.
"""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from wijkdialoog.core import audit
from wijkdialoog.dialogues.models import Series
from wijkdialoog.harvest.models import Card
from wijkdialoog.methods.kinds import CardKind

from .models import Highlight
from .visibility import cards_for_organisers, public_cards, published_meetings_only

HIGHLIGHT_RELATED = ("card__meeting", "card__table")


def highlights(series: Series) -> QuerySet[Highlight]:
    """Every highlight of the series an organiser may see: not of a card that became a private
    action or was rejected, which organisers do not see in the harvest either."""
    return (
        Highlight.objects.filter(series=series, card__in=cards_for_organisers())
        .select_related(*HIGHLIGHT_RELATED)
        .order_by("created_at", "pk")
    )


def public_highlights(series: Series) -> QuerySet[Highlight]:
    """The highlights a public page may show of one series (`public_highlights_of`)."""
    return public_highlights_of([series.pk]).select_related(*HIGHLIGHT_RELATED)


def public_highlights_of(series_ids: Iterable[int]) -> QuerySet[Highlight]:
    """The one rule for quotes in public: marked for public use, of a card that is still public,
    from a meeting that is published."""
    ids = list(series_ids)
    cards = published_meetings_only(public_cards().filter(meeting__series_id__in=ids))
    return Highlight.objects.filter(series_id__in=ids, for_public=True, card__in=cards).order_by(
        "created_at", "pk"
    )


def may_be_public(card: Card) -> bool:
    """Whether a highlight of this card may be used in public (the one rule, asked again)."""
    return public_cards().filter(pk=card.pk).exists()


def _payload(highlight: Highlight) -> dict[str, Any]:
    return {"card": highlight.card_id, "for_public": highlight.for_public}


@transaction.atomic
def mark_highlight(*, card: Card, actor: Any, for_public: bool) -> Highlight:
    """Marks the card as a highlight (or changes whether it is for public use)."""
    card = Card.objects.select_for_update().select_related("meeting").get(pk=card.pk)
    if card.status == Card.Status.REJECTED or (
        card.kind == CardKind.PERSONAL_ACTION and not card.shared
    ):
        raise ValidationError(_("This card cannot be a highlight."))
    if for_public and not may_be_public(card):
        raise ValidationError(
            _("Only a public card can be a highlight for public use. This one stays internal.")
        )
    highlight = Highlight.objects.filter(card=card).first()
    if highlight is None:
        highlight = Highlight.objects.create(
            card=card, series_id=card.meeting.series_id, for_public=for_public, created_by=actor
        )
        audit.record(
            actor=actor, action="highlight.marked", subject=card, payload=_payload(highlight)
        )
    elif highlight.for_public != for_public:
        highlight.for_public = for_public
        highlight.save(update_fields=["for_public", "updated_at"])
        audit.record(
            actor=actor, action="highlight.changed", subject=card, payload=_payload(highlight)
        )
    return highlight


@transaction.atomic
def unmark_highlight(*, card: Card, actor: Any) -> None:
    """Takes the highlight off the card; nothing happens when there was none."""
    highlight = Highlight.objects.select_for_update().filter(card_id=card.pk).first()
    if highlight is None:
        return
    payload = _payload(highlight)
    highlight.delete()
    audit.record(actor=actor, action="highlight.removed", subject=card, payload=payload)
