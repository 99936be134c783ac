"""Where the follow-up shows itself on the organiser's meeting and series pages (core/panels.py):
counts, and the people who asked for help."""

from collections.abc import Callable, Mapping
from typing import Any

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
