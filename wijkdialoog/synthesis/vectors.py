"""Card vectors: each card's text embedded once (engine/embedding.py) and stored as a CardVector.

The task after a card is saved (tasks.py) calls `embed_cards` for that one card; `embed_missing`
is the sweep that catches up on cards whose vector is missing or stale (a failed task, cards
written without signals, a new model). A vector is stale when its `text_hash` differs from the
hash of the card's text now: the hash includes the model, so a new model makes every vector
stale.
"""

from collections.abc import Iterable, Sequence

import numpy as np
from django.db.models import QuerySet

from wijkdialoog.harvest.models import Card

from .engine import embedding
from .models import CardVector

BATCH_SIZE = 64


def stale_card_ids(cards: QuerySet[Card]) -> list[int]:
    """The ids of these cards whose vector is missing or made from another text or model."""
    rows = cards.order_by().values_list("pk", "text", "vector__text_hash")
    return [pk for pk, text, stored in rows if stored != embedding.text_hash(text)]


def store_vectors(cards: Sequence[Card]) -> int:
    """Embed these cards' texts and store (or replace) their vectors; how many were stored."""
    if not cards:
        return 0
    matrix = embedding.embed([card.text for card in cards])
    rows = [
        CardVector(
            card_id=card.pk,
            model=embedding.MODEL_ID,
            text_hash=embedding.text_hash(card.text),
            vector=embedding.to_bytes(row),
        )
        for card, row in zip(cards, matrix, strict=True)
    ]
    CardVector.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["card"],
        update_fields=["model", "text_hash", "vector", "embedded_at"],
    )
    return len(rows)


def embed_missing(cards: QuerySet[Card], batch_size: int = BATCH_SIZE) -> int:
    """Embed the cards of `cards` whose vector is missing or stale, in batches; how many."""
    ids = stale_card_ids(cards)
    done = 0
    for start in range(0, len(ids), batch_size):
        batch = list(Card.objects.filter(pk__in=ids[start : start + batch_size]).only("pk", "text"))
        done += store_vectors(batch)
    return done


def load_vectors(card_ids: Iterable[int]) -> dict[int, np.ndarray]:
    """The stored vectors of these cards made by the current model, by card id."""
    rows = CardVector.objects.filter(card_id__in=list(card_ids), model=embedding.MODEL_ID)
    return {
        card_id: embedding.from_bytes(vector)
        for card_id, vector in rows.values_list("card_id", "vector")
    }
