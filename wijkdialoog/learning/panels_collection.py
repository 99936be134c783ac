"""Where Wijkdialogen in beweging shows itself on lower apps' pages (core/panels.py): the
organiser's choice on the dashboard, and a link in the footer of every page."""

from collections.abc import Mapping
from typing import Any

from wijkdialoog.core.panels import register_panel

from .collection import shares


def _may_change(context: Mapping[str, Any]) -> bool:
    request, organisation = context.get("request"), context.get("organisation")
    if request is None or organisation is None:
        return False
    return bool(request.user.has_perm("learning.change_collection_sharing", organisation))


def _sharing(context: Mapping[str, Any]) -> Mapping[str, Any]:
    return {"collection_shares": shares(context["organisation"])}


def register_panels() -> None:
    register_panel(
        "dashboard",
        template="learning/collection_dashboard_panel.html",
        order=70,
        condition=_may_change,
        context=_sharing,
    )
    register_panel("footer-links", template="learning/collection_footer_link.html", order=50)
