"""Where outreach shows itself on the pages of dialogues (see core/panels.py)."""

from wijkdialoog.core.panels import register_panel


def register_panels() -> None:
    register_panel("series-actions", template="outreach/includes/series_channels_link.html")
