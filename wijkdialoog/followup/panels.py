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


def _partner_initiatives(context: Mapping[str, Any]) -> Mapping[str, Any]:
    return {"partner_initiatives": list(initiatives.partner_initiatives(context["request"].user))}


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
        "my-page",
        template="followup/initiatives/includes/partner_initiatives.html",
        order=26,
        context=_partner_initiatives,
        condition=_is_partner,
    )


# --- A partner's public answer with the public card (the harvest pages) ---


def _page_answers(context: Mapping[str, Any]) -> Mapping[int, Any]:
    """The public answers to all cards of the harvest page, looked up once per page."""
    from .partner_questions import public_answers

    collection = context.get("collection")
    if collection is None:
        return {}
    card_ids = tuple(card.pk for card in collection.page.object_list)
    request = context.get("request")
    cache: dict[tuple[int, ...], Mapping[int, Any]] = (
        getattr(request, "_followup_public_answers", {}) if request is not None else {}
    )
    if card_ids not in cache:
        cache[card_ids] = public_answers(list(card_ids))
        if request is not None:
            request._followup_public_answers = cache
    return cache[card_ids]


def _card_has_public_answer(context: Mapping[str, Any]) -> bool:
    row = context.get("row")
    return row is not None and row.card.pk in _page_answers(context)


def _card_public_answer(context: Mapping[str, Any]) -> Mapping[str, Any]:
    return {"partner_answer": _page_answers(context)[context["row"].card.pk]}


def register_public_answer_panels() -> None:
    register_panel(
        "harvest-card-public",
        template="followup/includes/card_partner_answer.html",
        context=_card_public_answer,
        condition=_card_has_public_answer,
    )


# --- A wijkagenda priority's agreements, on the compose page ---


def _item_agreements(context: Mapping[str, Any]) -> Mapping[str, Any]:
    """The agreements made from this agenda item; one query for all items of the agenda."""
    from .models import Agreement

    agenda, request = context["agenda"], context.get("request")
    by_item: dict[int, list[Any]] | None = getattr(request, "_followup_item_agreements", None)
    if by_item is None:
        by_item = {}
        for agreement in Agreement.objects.filter(agenda_item__agenda=agenda).order_by("pk"):
            by_item.setdefault(agreement.agenda_item_id or 0, []).append(agreement)
        if request is not None:
            request._followup_item_agreements = by_item
    return {"item_agreements": by_item.get(context["item"].pk, [])}


def register_agenda_item_panels() -> None:
    register_panel(
        "wijkagenda-compose-item",
        template="followup/agreements/includes/agenda_item_agreements.html",
        order=110,
        context=_item_agreements,
        condition=_manages_agreements,
    )


# --- The next round looks back, and public progress (issue 11, items 7 and 8) ---


def _look_back(public_only: bool) -> Callable[[Mapping[str, Any]], Mapping[str, Any]]:
    def context(page: Mapping[str, Any]) -> Mapping[str, Any]:
        from . import lookback

        return {"look_back": lookback.for_meeting(page["meeting"], public_only=public_only)}

    return context


def _facilitator_look_back(page: Mapping[str, Any]) -> Mapping[str, Any]:
    """The look-back in a few lines, with the method's optional terugblik round."""
    from wijkdialoog.methods.shipped import look_back_round

    from . import lookback

    look_back = lookback.for_meeting(page["meeting"], public_only=True)
    method = page.get("method")
    found = None
    if look_back is not None and method is not None:
        found = look_back_round(method.family, method.language)
        if found is None and method.based_on_id:
            found = look_back_round(method.based_on.family, method.language)
    return {"look_back": look_back, "look_back_round": found}


def _series_timeline(context: Mapping[str, Any]) -> Mapping[str, Any]:
    from . import lookback

    # The series page's own list of all its meetings, evaluated above the panel: no new query.
    return {"series_timeline": lookback.timeline(context["series"], context.get("meetings"))}


def _neighbourhood_progress(context: Mapping[str, Any]) -> Mapping[str, Any]:
    from . import progress

    return {"progress_lines": progress.for_neighbourhood(context["neighbourhood"])}


def _opening_phase(context: Mapping[str, Any]) -> bool:
    """Facilitator mode shows the look-back in the opening phase."""
    return bool(context.get("is_first")) and context.get("meeting") is not None


def register_progress_panels() -> None:
    register_panel(
        "meeting-public",
        template="followup/lookback/since_last_time.html",
        order=120,
        context=_look_back(public_only=True),
    )
    register_panel(
        "meeting-manage",
        template="followup/lookback/since_last_time.html",
        order=55,
        context=_look_back(public_only=False),
        condition=_may_see("meeting"),
    )
    register_panel(
        "facilitator-run-phase",
        template="followup/lookback/facilitator.html",
        context=_facilitator_look_back,
        condition=_opening_phase,
    )
    register_panel(
        "series",
        template="followup/lookback/series_timeline.html",
        order=70,
        context=_series_timeline,
        condition=_manages_agreements,
    )
    register_panel(
        "series-actions",
        template="followup/progress/series_csv_link.html",
        order=155,
        condition=_manages_agreements,
    )
    register_panel(
        "neighbourhood-public",
        template="followup/progress/neighbourhood.html",
        order=75,
        context=_neighbourhood_progress,
    )


def register_feed_events() -> None:
    from wijkdialoog.dialogues.calendar import register_feed_events as register

    from .feeds import celebration_events

    register("followup-celebrations", celebration_events)


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
