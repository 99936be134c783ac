"""Where the follow-up shows itself on the organiser's meeting and series pages (core/panels.py):
counts, and the people who asked for help."""

from collections.abc import Callable, Mapping
from typing import Any

from django.db import models

from wijkdialoog.core.panels import register_panel
from wijkdialoog.dialogues.models import Meeting

from . import counts, initiatives


def _may_see(subject_key: str) -> Callable[[Mapping[str, Any]], bool]:
    """Only organisers see the counts, whoever else may one day see the page."""

    def condition(context: Mapping[str, Any]) -> bool:
        request = context.get("request")
        subject = context.get(subject_key)
        if request is None or subject is None:
            return False
        return bool(request.user.has_perm("followup.view_counts", subject))

    return condition


def _meeting_follow_up(context: Mapping[str, Any]) -> Mapping[str, Any]:
    meeting = context["meeting"]
    return {
        "follow_up_counts": counts.for_meeting(meeting),
        "help_requests": list(counts.help_requests(Meeting.objects.filter(pk=meeting.pk))),
    }


def _series_follow_up(context: Mapping[str, Any]) -> Mapping[str, Any]:
    series = context["series"]
    return {
        "follow_up_counts": counts.for_series(series),
        "help_requests": list(counts.help_requests(Meeting.objects.filter(series=series))),
    }


def _series_kerngroep(context: Mapping[str, Any]) -> Mapping[str, Any]:
    from .kerngroep import summary

    return {"summary": summary(context["series"])}


def _may_manage_kerngroep(context: Mapping[str, Any]) -> bool:
    request, series = context.get("request"), context.get("series")
    if request is None or series is None:
        return False
    return bool(request.user.has_perm("followup.manage_kerngroep", series))


def register_panels() -> None:
    register_panel(
        "meeting-manage",
        template="followup/includes/meeting_follow_up.html",
        order=60,
        context=_meeting_follow_up,
        condition=_may_see("meeting"),
    )
    register_panel(
        "series",
        template="followup/includes/series_follow_up.html",
        order=60,
        context=_series_follow_up,
        condition=_may_see("series"),
    )
    register_panel(
        "series",
        template="followup/includes/series_kerngroep.html",
        order=65,
        context=_series_kerngroep,
        condition=_may_manage_kerngroep,
    )


# --- Wijkafspraken and the partner's work ---


def _partner_work(context: Mapping[str, Any]) -> Mapping[str, Any]:
    from wijkdialoog.community.models import Neighbourhood

    from . import partner_questions, partners
    from .agreements import OPEN_STATUSES, is_overdue
    from .models import AgreementParty

    user = context["request"].user
    questions = partner_questions.questions_for(user).filter(
        answered_at__isnull=True, declined_at__isnull=True
    )
    parties = list(
        AgreementParty.objects.filter(
            partners.routed_to_q(user, organisation_path="agreement__series__organisation_id"),
            kind=AgreementParty.Kind.PARTNER,
            status__in=OPEN_STATUSES,
        )
        .select_related("agreement")
        .order_by(models.F("due_on").asc(nulls_last=True), "pk")[:20]
    )
    for party in parties:
        party.overdue = is_overdue(party)  # type: ignore[attr-defined]
    organisations = {m.person.organisation_id for m in partners.partner_memberships(user)}
    return {
        "partner_work": {
            "questions": list(questions[:5]),
            "question_count": questions.count(),
            "parties": parties,
            "neighbourhoods": list(
                Neighbourhood.objects.filter(organisation_id__in=organisations).order_by("name")
            ),
        }
    }


def _is_partner(context: Mapping[str, Any]) -> bool:
    request = context.get("request")
    return request is not None and request.user.has_perm("followup.view_partner_work")


def _manages_agreements(context: Mapping[str, Any]) -> bool:
    request, series = context.get("request"), context.get("series")
    return bool(request and series and request.user.has_perm("followup.manage_agreements", series))


def register_agreement_panels() -> None:
    register_panel(
        "series-actions",
        template="followup/includes/series_agreements_link.html",
        order=150,
        condition=_manages_agreements,
    )
    register_panel(
        "my-page",
        template="followup/includes/partner_work.html",
        order=25,
        context=_partner_work,
        condition=_is_partner,
    )


# --- Collective initiatives ---


def _organiser_of(subject_key: str) -> Callable[[Mapping[str, Any]], bool]:
    def condition(context: Mapping[str, Any]) -> bool:
        request = context.get("request")
        subject = context.get(subject_key)
        if request is None or subject is None:
            return False
        return bool(request.user.has_perm("followup.manage_initiatives", subject))

    return condition


def _card_may_seed(context: Mapping[str, Any]) -> bool:
    card = context.get("card")
    return (
        card is not None
        and card.kind in initiatives.SEED_KINDS
        and bool(context.get("can_mark_highlights"))
        and _organiser_of("series")(context)
    )


def _neighbourhood_initiatives(context: Mapping[str, Any]) -> Mapping[str, Any]:
    return {"public_initiatives": list(initiatives.public_initiatives(context["neighbourhood"]))}


def register_initiative_panels() -> None:
    register_panel(
        "series-actions",
        template="followup/initiatives/includes/series_link.html",
        order=150,
        condition=_organiser_of("series"),
    )
    register_panel(
        "harvest-card-tools",
        template="followup/initiatives/includes/card_button.html",
        condition=_card_may_seed,
    )
    register_panel(
        "wijkagenda-compose-item",
        template="followup/initiatives/includes/agenda_item_button.html",
        condition=_organiser_of("series"),
    )
    register_panel(
        "neighbourhood-public",
        template="followup/initiatives/includes/neighbourhood_initiatives.html",
        order=70,
        context=_neighbourhood_initiatives,
    )


# --- Choosing one dream together ---


def _manages_decisions(context: Mapping[str, Any]) -> bool:
    request, series = context.get("request"), context.get("series")
    return bool(request and series and request.user.has_perm("followup.manage_decisions", series))


def _neighbourhood_decisions(context: Mapping[str, Any]) -> Mapping[str, Any]:
    from .decisions import public_decisions

    return {"public_decisions": list(public_decisions(context["neighbourhood"])[:10])}


def _meeting_decisions(context: Mapping[str, Any]) -> Mapping[str, Any]:
    from .decisions import public_decisions_of_meeting

    return {"meeting_decisions": list(public_decisions_of_meeting(context["meeting"]))}


def register_decision_panels() -> None:
    register_panel(
        "series-actions",
        template="followup/decisions/includes/series_link.html",
        order=155,
        condition=_manages_decisions,
    )
    register_panel(
        "neighbourhood-public",
        template="followup/decisions/includes/neighbourhood_decisions.html",
        order=65,
        context=_neighbourhood_decisions,
    )
    register_panel(
        "meeting-public-past",
        template="followup/decisions/includes/meeting_decisions.html",
        order=120,
        context=_meeting_decisions,
    )
