"""Loaders for the synthesis pages: fetch the object and check the permission on it."""

from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404

from wijkdialoog.core.access import require
from wijkdialoog.dialogues.access import SERIES_RELATED, get_meeting_for
from wijkdialoog.dialogues.models import Meeting, Series
from wijkdialoog.harvest.models import Card


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
