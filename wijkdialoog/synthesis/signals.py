"""Synthesis listens to harvest: every saved card is embedded after commit (tasks.py), whether it
was added, typed in from paper, sent by a participant, approved or edited."""

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from wijkdialoog.harvest.models import Card

from .tasks import enqueue_after_commit

# A save that changes none of these leaves the card's vector and place as they are.
RELEVANT_FIELDS = frozenset({"text", "status", "kind", "shared", "publication", "meeting"})


@receiver(post_save, sender=Card, dispatch_uid="synthesis-embed-card")
def card_saved(sender: type[Card], instance: Card, **kwargs: Any) -> None:
    update_fields = kwargs.get("update_fields")
    if update_fields is not None and not RELEVANT_FIELDS & set(update_fields):
        return
    enqueue_after_commit(instance.pk)
