"""Where the wijkagenda shows itself on the pages of lower apps (core/panels.py)."""

from collections.abc import Mapping
from typing import Any

from wijkdialoog.core.panels import register_panel

from .wijkagenda import published_agendas


def _neighbourhood_wijkagendas(context: Mapping[str, Any]) -> Mapping[str, Any]:
    """The published wijkagendas of the neighbourhood, newest first; the newest in full."""
    return {"wijkagendas": list(published_agendas(context["neighbourhood"])[:5])}


def register_panels() -> None:
    register_panel("series-actions", template="agenda/includes/series_agenda_link.html", order=140)
    register_panel(
        "neighbourhood-public",
        template="agenda/includes/neighbourhood_wijkagenda.html",
        order=60,
        context=_neighbourhood_wijkagendas,
    )
