"""Where reports show themselves on the pages of lower apps (core/panels.py): the published
reports on the neighbourhood page and the past meeting's page, and the organiser's way in from
the meeting and series pages."""

from collections.abc import Callable, Mapping
from typing import Any

from django.db.models import Q
from django.utils import timezone

from wijkdialoog.core.panels import register_panel

from . import reports, reports_render
from .models import Report


def _may_manage(subject_key: str) -> Callable[[Mapping[str, Any]], bool]:
    def condition(context: Mapping[str, Any]) -> bool:
        request, subject = context.get("request"), context.get(subject_key)
        if request is None or subject is None:
            return False
        return bool(request.user.has_perm("reporting.manage_report", subject))

    return condition


def _neighbourhood_reports(context: Mapping[str, Any]) -> Mapping[str, Any]:
    """The published reports of the neighbourhood: of its series, and of its meetings that
    are published and not cancelled. One query."""
    now = timezone.now()
    neighbourhood = context["neighbourhood"]
    found = (
        reports.published_reports()
        .filter(
            Q(series__neighbourhood=neighbourhood)
            | Q(
                meeting__series__neighbourhood=neighbourhood,
                meeting__publish_at__lte=now,
                meeting__cancelled_at__isnull=True,
            )
        )
        .order_by("-published_at", "-pk")
    )
    return {"published_reports": [(report, reports_render.public_path(report)) for report in found]}


def _meeting_report(context: Mapping[str, Any]) -> Mapping[str, Any]:
    report: Report | None = reports.published_report_of(context["meeting"])
    return {"report_path": reports_render.public_path(report) if report else ""}


def register_panels() -> None:
    register_panel(
        "neighbourhood-public",
        template="reporting/report_panel_neighbourhood.html",
        order=45,
        context=_neighbourhood_reports,
    )
    register_panel(
        "meeting-public-past",
        template="reporting/report_panel_meeting_public.html",
        order=105,
        context=_meeting_report,
    )
    register_panel(
        "meeting-manage",
        template="reporting/report_panel_meeting_manage.html",
        order=70,
        condition=_may_manage("meeting"),
    )
    register_panel(
        "series-actions",
        template="reporting/report_panel_series_actions.html",
        order=160,
        condition=_may_manage("series"),
    )
