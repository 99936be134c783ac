"""Where the follow-up shows itself on the organiser's meeting and series pages (core/panels.py):
counts, and the people who asked for help."""

from collections.abc import Callable, Mapping
from typing import Any

from wijkdialoog.core.panels import register_panel
from wijkdialoog.dialogues.models import Meeting

from . import counts


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
