"""Where themes and the story show themselves on the pages of lower apps (core/panels.py)."""

from wijkdialoog.core.panels import register_panel


def register_panels() -> None:
    register_panel(
        "series-actions", template="synthesis/includes/series_harvest_link.html", order=30
    )
    register_panel(
        "meeting-manage-links", template="synthesis/includes/meeting_harvest_link.html", order=30
    )
    register_panel(
        "meeting-public-past",
        template="synthesis/includes/meeting_public_harvest_link.html",
        order=30,
    )
    register_panel("dashboard", template="synthesis/includes/dashboard_sharing.html", order=40)
    register_panel(
        "series-actions", template="synthesis/includes/series_themes_link.html", order=31
    )
