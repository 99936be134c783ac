"""Where the evaluation figures show on lower apps' pages: the organiser's series page and the
dashboard (core/panels.py)."""

from collections.abc import Mapping
from typing import Any

from wijkdialoog.core.panels import register_panel

from . import evaluation


def _may_see_series(context: Mapping[str, Any]) -> bool:
    request, series = context.get("request"), context.get("series")
    if request is None or series is None:
        return False
    return bool(request.user.has_perm("reporting.view_evaluation", series))


def _series_context(context: Mapping[str, Any]) -> Mapping[str, Any]:
    return {"what_it_did": evaluation.for_series(context["series"])}


def _may_see_organisation(context: Mapping[str, Any]) -> bool:
    request, organisation = context.get("request"), context.get("organisation")
    if request is None or organisation is None:
        return False
    return bool(request.user.has_perm("reporting.view_evaluation", organisation))


def register_panels() -> None:
    register_panel(
        "series",
        template="reporting/evaluation_series_panel.html",
        order=80,
        context=_series_context,
        condition=_may_see_series,
    )
    register_panel(
        "dashboard",
        template="reporting/evaluation_dashboard_link.html",
        order=60,
        condition=_may_see_organisation,
    )
