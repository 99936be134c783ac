"""Where the population figures show on lower apps' pages (core/panels.py): who came against who
lives there on the organiser's series page, and a link from the neighbourhood's page."""

from collections.abc import Mapping
from typing import Any

from wijkdialoog.core.panels import register_panel

from . import participation, population


def _may_see_who_came(context: Mapping[str, Any]) -> bool:
    request, series = context.get("request"), context.get("series")
    if request is None or series is None:
        return False
    return bool(request.user.has_perm("reporting.view_participation", series))


def _may_manage_population(context: Mapping[str, Any]) -> bool:
    request, neighbourhood = context.get("request"), context.get("neighbourhood")
    if request is None or neighbourhood is None:
        return False
    return bool(request.user.has_perm("reporting.manage_population", neighbourhood))


def _series_who_came(context: Mapping[str, Any]) -> Mapping[str, Any]:
    series = context["series"]
    # The series page has its meetings loaded already.
    meetings = context.get("meetings")
    return {
        "who_came": participation.compare(
            series.meetings.all() if meetings is None else meetings, series.neighbourhood
        ),
        "may_manage_population": _may_manage_population(
            {"request": context["request"], "neighbourhood": series.neighbourhood}
        ),
    }


def _neighbourhood_population(context: Mapping[str, Any]) -> Mapping[str, Any]:
    return {"population": population.latest(context["neighbourhood"])}


def register_panels() -> None:
    register_panel(
        "series",
        template="reporting/includes/series_who_came.html",
        order=90,
        context=_series_who_came,
        condition=_may_see_who_came,
    )
    register_panel(
        "neighbourhood-manage",
        template="reporting/includes/neighbourhood_population_link.html",
        order=10,
        context=_neighbourhood_population,
        condition=_may_manage_population,
    )
