"""Where harvest shows itself on the pages and in the mails of lower apps (core/panels.py,
core/links.py)."""

from django.urls import reverse

from wijkdialoog.core.links import provide_link
from wijkdialoog.core.panels import register_panel


def _lead_table(table) -> str:
    return reverse("table-run", args=[table.pk])


def register_panels() -> None:
    register_panel("dashboard", template="harvest/includes/dashboard_overview.html", order=20)
    register_panel("my-page", template="harvest/includes/my_tables.html", order=10)
    register_panel("my-page", template="harvest/includes/partner_harvest.html", order=30)
    register_panel(
        "meeting-manage-links", template="harvest/includes/meeting_manage_links.html", order=20
    )
    register_panel("meeting-manage", template="harvest/includes/meeting_overview.html", order=20)
    register_panel(
        "meeting-manage-table", template="harvest/includes/meeting_manage_table_links.html"
    )
    register_panel("meeting-public-past", template="harvest/includes/meeting_public_wall_link.html")
    register_panel("registration-manage", template="harvest/includes/my_actions.html")
    register_panel(
        "series-actions", template="harvest/includes/series_evaluation_link.html", order=120
    )
    provide_link("lead-table", _lead_table)
