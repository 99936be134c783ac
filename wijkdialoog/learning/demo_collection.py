"""Demo data for Wijkdialogen in beweging: the demo organisation chose to share its published
reports and stories with other neighbourhoods, so the public collection shows them. Loads after
reporting's demo (learning.demo calls `load_collection`)."""

from typing import Any

from wijkdialoog.community.models import Organisation
from wijkdialoog.core.demo_support import DemoContext

from .collection import change_sharing


def load_collection(context: DemoContext) -> None:
    people: dict[str, Any] = context.objects.get("people") or {}
    organiser = people.get("organisator")
    actor = organiser.user if organiser is not None else None
    organisation: Organisation | None = context.objects.get("organisation")
    if organisation is None:
        return
    change_sharing(organisation=organisation, actor=actor, shares=True)
    # Any other organisation in the demo with something published shares too.
    for other in Organisation.objects.exclude(pk=organisation.pk).filter(reports__isnull=False):
        change_sharing(organisation=other, actor=actor, shares=True)
