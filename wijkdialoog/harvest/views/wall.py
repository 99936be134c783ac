"""The harvest wall: public cards from all tables of a meeting, for a projector.

The page polls a fragment with htmx. The fragment answers 304 Not Modified while nothing changed,
so fifty walls in a room cost a query or two each every few seconds.
"""

import json

from django.shortcuts import render
from django.urls import path
from django.utils.cache import get_conditional_response, patch_cache_control
from django.views.decorators.http import require_GET

from wijkdialoog.dialogues.access import get_meeting_for
from wijkdialoog.dialogues.models import Meeting

from ..wall import phase_groups, wall_state

POLL_SECONDS = 3


def _meeting(request, pk: int) -> Meeting:
    """The meeting whose wall the visitor may see. An unpublished meeting does not exist for
    anyone else (404, like the meeting page): the address must not reveal what is planned."""
    return get_meeting_for(request, pk, "harvest.view_wall", hide=True)


def _context(meeting: Meeting, state) -> dict:
    return {
        "meeting": meeting,
        "state": state,
        "groups": phase_groups(meeting),
        # htmx sends the version on the wall with the next poll, so an unchanged wall costs 304.
        "poll_headers": json.dumps({"If-None-Match": state.etag}),
        "poll_seconds": POLL_SECONDS,
    }


def _private(response):
    # Cards of an unpublished meeting are for organisers only: never in a shared cache.
    patch_cache_control(response, private=True, no_cache=True)
    return response


@require_GET
def harvest_wall(request, pk):
    meeting = _meeting(request, pk)
    state = wall_state(meeting)
    context = _context(meeting, state)
    context["can_export"] = request.user.has_perm("harvest.export_cards", meeting)
    return _private(render(request, "harvest/wall.html", context))


@require_GET
def harvest_wall_cards(request, pk):
    meeting = _meeting(request, pk)
    state = wall_state(meeting)
    response = get_conditional_response(request, etag=state.etag)
    if response is None:
        response = render(request, "harvest/wall_cards.html", _context(meeting, state))
    response.headers["ETag"] = state.etag
    return _private(response)


urlpatterns = [
    path("bijeenkomst/<int:pk>/oogstmuur/", harvest_wall, name="harvest-wall"),
    path("bijeenkomst/<int:pk>/oogstmuur/kaarten/", harvest_wall_cards, name="harvest-wall-cards"),
]
