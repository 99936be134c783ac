"""What an organisation shares of its harvest with its partners (HarvestSharing)."""

from typing import Any

from django.db import transaction

from wijkdialoog.community.models import Organisation
from wijkdialoog.core import audit

from .models import HarvestSharing


def sharing_of(organisation: Organisation) -> HarvestSharing:
    """The organisation's setting; an organisation that never chose shares public cards only."""
    found = HarvestSharing.objects.filter(organisation=organisation).first()
    return found or HarvestSharing(organisation=organisation)


@transaction.atomic
def change_sharing(
    *, organisation: Organisation, actor: Any, partners_see_internal: bool
) -> HarvestSharing:
    sharing, _created = HarvestSharing.objects.select_for_update().get_or_create(
        organisation=organisation
    )
    if sharing.partners_see_internal == partners_see_internal:
        return sharing
    sharing.partners_see_internal = partners_see_internal
    sharing.save(update_fields=["partners_see_internal", "updated_at"])
    audit.record(
        actor=actor,
        action="harvest_sharing.changed",
        subject=organisation,
        payload={"partners_see_internal": partners_see_internal},
    )
    return sharing
