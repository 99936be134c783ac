"""An organisation's choice to share its published reports and stories in "Wijkdialogen in
beweging" (CollectionSharing): reading it and changing it, audited."""

from typing import Any

from django.db import transaction
from django.utils import timezone

from wijkdialoog.community.models import Organisation
from wijkdialoog.core import audit

from .models import CollectionSharing


def sharing_of(organisation: Organisation) -> CollectionSharing:
    """The organisation's choice; one that never chose does not share (privacy by design)."""
    found = CollectionSharing.objects.filter(organisation=organisation).first()
    return found or CollectionSharing(organisation=organisation)


def shares(organisation: Organisation) -> bool:
    return CollectionSharing.objects.filter(organisation=organisation, shares=True).exists()


@transaction.atomic
def change_sharing(*, organisation: Organisation, actor: Any, shares: bool) -> CollectionSharing:
    sharing, _created = CollectionSharing.objects.select_for_update().get_or_create(
        organisation=organisation
    )
    if sharing.shares == shares:
        return sharing
    sharing.shares = shares
    sharing.changed_by = actor if getattr(actor, "is_authenticated", False) else None
    sharing.changed_at = timezone.now()
    sharing.save(update_fields=["shares", "changed_by", "changed_at", "updated_at"])
    audit.record(
        actor=actor,
        action="collection_sharing.changed",
        subject=organisation,
        payload={"shares": shares},
    )
    return sharing
