"""Loaders for the synthesis pages: fetch the object and check the permission on it.

The harvest pages are public once published (404 before, not a login page). The theme pages are
for organisers: someone logged in who works for the series' organisation without the right gets
403; anyone else 404, so that another organisation cannot even learn that a series or a theme
exists."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from wijkdialoog.community.access import roles_by_organisation
from wijkdialoog.core.access import LoginRequired, require
from wijkdialoog.dialogues.access import SERIES_RELATED, get_meeting_for
from wijkdialoog.dialogues.models import Meeting, Series
from wijkdialoog.harvest.models import Card

from .models import Theme


def get_series_harvest(request: Any, pk: int) -> Series:
    """A series whose harvest the visitor may see. Before any of its meetings is published the
    series does not exist for the public (404, not a login page), like an unpublished meeting."""
    series = get_object_or_404(Series.objects.select_related(*SERIES_RELATED), pk=pk)
    if not request.user.has_perm("synthesis.view_harvest", series):
        raise Http404
    return series


def get_meeting_harvest(request: Any, pk: int) -> Meeting:
    return get_meeting_for(request, pk, "synthesis.view_harvest", hide=True)


def get_card_to_highlight(request: Any, pk: int) -> Card:
    card = get_object_or_404(
        Card.objects.select_related("meeting__organisation", "meeting__series"), pk=pk
    )
    require(request, "synthesis.mark_highlights", card.meeting)
    return card


def _check(request: HttpRequest, series: Series) -> None:
    if request.user.has_perm("synthesis.curate_themes", series):
        return
    if not request.user.is_authenticated:
        raise LoginRequired
    if series.organisation_id in roles_by_organisation(request.user):
        raise PermissionDenied
    raise Http404


def get_series_to_curate(request: HttpRequest, pk: int) -> Series:
    series = get_object_or_404(
        Series.objects.select_related("organisation", "neighbourhood"), pk=pk
    )
    _check(request, series)
    return series


def get_theme_to_curate(request: HttpRequest, pk: int) -> Theme:
    theme = get_object_or_404(
        Theme.objects.select_related("series__organisation", "series__neighbourhood"), pk=pk
    )
    _check(request, theme.series)
    return theme
