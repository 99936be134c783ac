"""Permissions of the synthesis app: who sees a series' harvest, who finds its themes and writes
its story. Subjects are a Series or a Meeting (both carry `organisation_id` and `is_published`)."""

from typing import Any

import rules
from django.utils import timezone

from wijkdialoog.community.access import has_role
from wijkdialoog.community.models import Membership
from wijkdialoog.community.rules import is_organiser_of_subject
from wijkdialoog.dialogues.models import Series


@rules.predicate
def is_partner_of_subject(user: Any, subject: Any) -> bool:
    return subject is not None and has_role(user, Membership.Role.PARTNER, subject)


@rules.predicate
def is_published_subject(user: Any, subject: Any) -> bool:
    """A meeting once it is published; a series once one of its meetings is."""
    if subject is None:
        return False
    if isinstance(subject, Series):
        return subject.meetings.filter(
            publish_at__lte=timezone.now(), cancelled_at__isnull=True
        ).exists()
    return bool(subject.is_published)


@rules.predicate
def organisation_shares_internal_cards(user: Any, subject: Any) -> bool:
    """The subject's organisation lets its partners see internal cards (HarvestSharing)."""
    if subject is None:
        return False
    from .models import HarvestSharing

    return HarvestSharing.objects.filter(
        organisation_id=subject.organisation_id, partners_see_internal=True
    ).exists()


# The harvest in one place: organisers and partners always, everyone else once it is published
# (and then only what Card.objects.public() allows; views decide the cards by the next rule).
rules.add_perm(
    "synthesis.view_harvest",
    is_organiser_of_subject | is_partner_of_subject | is_published_subject,
)
rules.add_perm(
    "synthesis.view_internal_cards",
    is_organiser_of_subject | (is_partner_of_subject & organisation_shares_internal_cards),
)
rules.add_perm("synthesis.curate_themes", is_organiser_of_subject)
rules.add_perm("synthesis.mark_highlights", is_organiser_of_subject)
rules.add_perm("synthesis.edit_story", is_organiser_of_subject)
# The subject is the Organisation itself.
rules.add_perm("synthesis.change_sharing", is_organiser_of_subject)
