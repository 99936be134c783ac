"""Where registrations shows itself on the pages of dialogues (see core/panels.py)."""

from wijkdialoog.core.panels import register_panel


def register_panels() -> None:
    register_panel(
        "meeting-manage", template="registrations/includes/meeting_registrations.html", order=10
    )
    register_panel("meeting-public", template="registrations/includes/meeting_register.html")
