"""Where seating shows itself on the meeting and check-in pages (see core/panels.py)."""

from wijkdialoog.core.panels import register_panel


def register_panels() -> None:
    register_panel(
        "meeting-registrations-actions", template="seating/includes/meeting_tables_links.html"
    )
    register_panel("check-in", template="seating/includes/check_in_links.html")
