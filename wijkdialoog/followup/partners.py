"""Which partner a logged-in user is, and which parties and questions are theirs.

A partner is a person with the partner role in an organisation, of a kind (gemeente, wijkteam…)
and usually with the name of their own organisation. Work is routed to a partner organisation by
name (then only partners with that name get it) or by kind (then every partner of that kind in
the organisation does)."""

from typing import Any

from django.db.models import Q, QuerySet

from wijkdialoog.community.models import Membership
from wijkdialoog.harvest.models import Card
from wijkdialoog.methods.kinds import CardKind
from wijkdialoog.synthesis.visibility import cards_shared_with_partners, public_cards


def partner_memberships(user: Any) -> list[Membership]:
    """The user's active partner roles, looked up once per user object."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_wijkdialoog_partner_roles", None)
    if cached is None:
        cached = list(
            Membership.objects.filter(
                person__user=user,
                role=Membership.Role.PARTNER,
                is_active=True,
                person__user__is_active=True,
            ).select_related("person")
        )
        user._wijkdialoog_partner_roles = cached
    return cached


def matches(membership: Membership, *, organisation_id: int, kind: str, name: str) -> bool:
    if membership.person.organisation_id != organisation_id:
        return False
    if name.strip():
        return membership.partner_organisation.strip().casefold() == name.strip().casefold()
    return bool(kind) and membership.partner_kind == kind


def is_routed_to(user: Any, *, organisation_id: int, kind: str, name: str) -> bool:
    return any(
        matches(m, organisation_id=organisation_id, kind=kind, name=name)
        for m in partner_memberships(user)
    )


def routed_to_q(user: Any, *, organisation_path: str, prefix: str = "") -> Q:
    """A filter for rows (with `partner_kind` and `partner_name`) routed to this user; nothing
    when the user is no partner."""
    query = Q(pk__in=[])
    for membership in partner_memberships(user):
        organisation = {organisation_path: membership.person.organisation_id}
        by_kind = Q(**organisation, **{f"{prefix}partner_name": ""})
        by_kind &= Q(**{f"{prefix}partner_kind": membership.partner_kind})
        query |= by_kind
        name = membership.partner_organisation.strip()
        if name:
            query |= Q(**organisation, **{f"{prefix}partner_name__iexact": name})
    return query


def shares_internal_cards(organisation_id: int) -> bool:
    from wijkdialoog.synthesis.models import HarvestSharing

    return HarvestSharing.objects.filter(
        organisation_id=organisation_id, partners_see_internal=True
    ).exists()


def partner_may_see(card: Card) -> bool:
    """The synthesis rule for one card: public cards, and approved internal ones where the
    organisation shares them (HarvestSharing); never a private action."""
    if card.is_public:
        return True
    return (
        card.status == Card.Status.APPROVED
        and card.publication == Card.Publication.INTERNAL
        and not (card.kind == CardKind.PERSONAL_ACTION and not card.shared)
        and shares_internal_cards(card.organisation_id)
    )


def cards_partners_may_see(organisation_id: int) -> QuerySet[Card]:
    """The same rule for many cards of one organisation, as one query."""
    if shares_internal_cards(organisation_id):
        return cards_shared_with_partners()
    return public_cards()
