"""Permissions of the followup app. Subjects are a Meeting, a Series or a StepAnswer. The
person's own answers go through their personal link, which needs no permission."""

from typing import Any

import rules

from wijkdialoog.community.rules import is_organiser_of_subject

# The counts per meeting or series, and the list of people who asked for help.
rules.add_perm("followup.view_counts", is_organiser_of_subject)
rules.add_perm("followup.handle_help", is_organiser_of_subject)


# --- Wijkafspraken and questions for partners. Subjects: a Series, an Agreement, an
# AgreementParty or a PartnerQuestion. Residents act through their personal link instead. ---


@rules.predicate
def is_party_partner(user: Any, party: Any) -> bool:
    """A partner of the party's organisation (by name, or by kind when no name was given)."""
    from .partners import is_routed_to

    return (
        party is not None
        and party.is_partner
        and is_routed_to(
            user,
            organisation_id=party.organisation_id,
            kind=party.partner_kind,
            name=party.partner_name,
        )
    )


@rules.predicate
def is_agreement_partner(user: Any, agreement: Any) -> bool:
    if agreement is None:
        return False
    return any(is_party_partner(user, party) for party in agreement.parties.all())


@rules.predicate
def is_question_partner(user: Any, question: Any) -> bool:
    """The question is routed to this partner, and its card is one partners may see: public,
    or internal where the organisation shares internal cards with its partners."""
    from .partners import is_routed_to, partner_may_see

    if question is None or not is_routed_to(
        user,
        organisation_id=question.organisation_id,
        kind=question.partner_kind,
        name=question.partner_name,
    ):
        return False
    return partner_may_see(question.card)


@rules.predicate
def is_partner(user: Any) -> bool:
    from .partners import partner_memberships

    return bool(partner_memberships(user))


rules.add_perm("followup.manage_agreements", is_organiser_of_subject)
rules.add_perm("followup.view_agreement", is_organiser_of_subject | is_agreement_partner)
rules.add_perm("followup.update_commitment", is_party_partner)
rules.add_perm("followup.route_questions", is_organiser_of_subject)
rules.add_perm("followup.answer_question", is_question_partner)
rules.add_perm("followup.view_partner_work", is_partner)


# Collective initiatives (subject: a Series, an Initiative or a TeamMember). Team members act
# through their personal link, which needs no permission.
rules.add_perm("followup.manage_initiatives", is_organiser_of_subject)


@rules.predicate
def is_team_partner(user: Any, initiative: Any) -> bool:
    """A logged-in partner of the initiative's organisation who is in its team."""
    from .initiatives import partner_member

    return initiative is not None and partner_member(initiative, user) is not None


rules.add_perm("followup.post_initiative_update", is_team_partner)


# --- The kerngroep. Subjects are a Series. Members through their link need no permission. ---


@rules.predicate
def is_kerngroep_member(user: Any, series: Any) -> bool:
    from .models import KerngroepMember

    if series is None or not user.is_authenticated:
        return False
    return KerngroepMember.objects.filter(
        series=series, person__user=user, left_at__isnull=True
    ).exists()


rules.add_perm("followup.manage_kerngroep", is_organiser_of_subject)
rules.add_perm("followup.use_kerngroep", is_kerngroep_member)


# --- Choosing one dream together (subject: a Series or a Decision). Residents vote through the
# QR link without an account, which needs no permission. ---
rules.add_perm("followup.manage_decisions", is_organiser_of_subject)
