"""Where themes and the story show themselves on the pages of lower apps (core/panels.py)."""

from collections.abc import Mapping
from typing import Any

from wijkdialoog.core.panels import register_panel
from wijkdialoog.dialogues.models import Series

from . import story


def _neighbourhood_stories(context: Mapping[str, Any]) -> Mapping[str, Any]:
    """The newest published story of each series of the neighbourhood, in a fixed number of
    queries however many series there are."""
    versions = story.online_versions(Series.objects.filter(neighbourhood=context["neighbourhood"]))
    ordered = sorted(versions.values(), key=lambda version: version.published_at, reverse=True)
    return {"stories": story.published_stories(ordered)}


def _series_story(context: Mapping[str, Any]) -> Mapping[str, Any]:
    return {"story_version": story.online_version(context["series"])}


def register_panels() -> None:
    register_panel(
        "series-actions", template="synthesis/includes/series_harvest_link.html", order=130
    )
    register_panel(
        "meeting-manage-links", template="synthesis/includes/meeting_harvest_link.html", order=30
    )
    register_panel(
        "meeting-public-past",
        template="synthesis/includes/meeting_public_harvest_link.html",
        order=130,
    )
    register_panel("dashboard", template="synthesis/includes/dashboard_sharing.html", order=40)
    register_panel(
        "series-actions", template="synthesis/includes/series_themes_link.html", order=131
    )
    register_panel(
        "neighbourhood-public",
        template="synthesis/includes/neighbourhood_stories.html",
        order=50,
        context=_neighbourhood_stories,
    )
    register_panel(
        "series-actions",
        template="synthesis/includes/series_story_link.html",
        order=132,
        context=_series_story,
    )
