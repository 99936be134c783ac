"""Background work of synthesis: embedding a card after it is saved (run by the task worker)."""

import datetime
import logging

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from wijkdialoog.harvest.models import Card

from .sorting import assign_new_card
from .vectors import embed_missing

logger = logging.getLogger(__name__)

# A failed embedding is tried this often, waiting longer each time; after that the sweep
# (`wijkdialoog embed_cards`, and every suggestion or sort) catches up.
MAX_ATTEMPTS = 4
FIRST_WAIT = datetime.timedelta(seconds=30)


@task
def embed_card(card_id: int, attempt: int = 1) -> None:
    """Embed one card's text (again, if it changed) and sort it into its series' themes."""
    try:
        embed_missing(Card.objects.filter(pk=card_id))
    except Exception:
        logger.exception("Embedding card %s failed (attempt %s)", card_id, attempt)
        retry(card_id, attempt)
        return
    assign_new_card(card_id)


def retry(card_id: int, attempt: int) -> None:
    if attempt >= MAX_ATTEMPTS:
        return
    queued = embed_card
    if embed_card.get_backend().supports_defer:
        queued = embed_card.using(run_after=timezone.now() + FIRST_WAIT * 2 ** (attempt - 1))
    queued.enqueue(card_id, attempt + 1)


def enqueue_after_commit(card_id: int) -> None:
    """Queue the embedding once the card is committed; a queue that fails never fails the save."""
    transaction.on_commit(lambda: embed_card.enqueue(card_id), robust=True)
