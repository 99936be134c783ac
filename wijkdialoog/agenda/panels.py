"""Where the wijkagenda shows itself on the pages of lower apps (core/panels.py)."""

from wijkdialoog.core.panels import register_panel


def register_panels() -> None:
    register_panel("series-actions", template="agenda/includes/series_agenda_link.html", order=140)
