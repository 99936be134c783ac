"""Where themes and the story show themselves on the pages of lower apps (core/panels.py)."""

from wijkdialoog.core.panels import register_panel


def register_panels() -> None:
    register_panel(
        "series-actions", template="synthesis/includes/series_themes_link.html", order=30
    )
