"""The training of facilitators as a trainer sees it on My page: per organisation, how many
active facilitators are trained and how many are not yet."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q

from .access import organisations_where
from .models import Membership, Organisation


@dataclass(frozen=True)
class TrainingCount:
    organisation: Organisation
    trained: int
    untrained: int


def training_overview(user) -> list[TrainingCount]:
    """One row per organisation where the user is a trainer; two queries in all."""
    organisation_ids = organisations_where(user, Membership.Role.TRAINER)
    if not organisation_ids:
        return []
    rows = (
        Membership.objects.filter(
            person__organisation_id__in=organisation_ids,
            role=Membership.Role.FACILITATOR,
            is_active=True,
        )
        .values("person__organisation_id")
        .annotate(
            trained=Count("pk", filter=Q(trained_since__isnull=False)),
            untrained=Count("pk", filter=Q(trained_since__isnull=True)),
        )
        .order_by()
    )
    counts: dict[int, Any] = {row["person__organisation_id"]: row for row in rows}
    return [
        TrainingCount(
            organisation=organisation,
            trained=counts.get(organisation.pk, {}).get("trained", 0),
            untrained=counts.get(organisation.pk, {}).get("untrained", 0),
        )
        for organisation in Organisation.objects.filter(pk__in=organisation_ids).order_by("name")
    ]
