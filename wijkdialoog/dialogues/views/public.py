"""Public dialogue pages: per neighbourhood, per meeting, calendar downloads and feeds."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wijkdialoog.community.models import Neighbourhood

from .. import calendar, listings
from ..access import get_visible_meeting

ICS_TYPE = "text/calendar; charset=utf-8"


def _neighbourhood(organisation: str, neighbourhood: str) -> Neighbourhood:
    return get_object_or_404(
        Neighbourhood.objects.select_related("organisation"),
        organisation__slug=organisation,
        slug=neighbourhood,
    )


@require_GET
def neighbourhood_public(request, organisation, neighbourhood):
    place = _neighbourhood(organisation, neighbourhood)
    upcoming, past = listings.for_neighbourhood(place)
    return render(
        request,
        "dialogues/neighbourhood_public.html",
        {"neighbourhood": place, "upcoming": list(upcoming), "past": list(past)},
    )


@require_GET
def neighbourhood_feed(request, organisation, neighbourhood):
    place = _neighbourhood(organisation, neighbourhood)
    name = _("Wijkdialoog %(neighbourhood)s") % {"neighbourhood": place.name}
    response = HttpResponse(
        calendar.calendar_ics(
            listings.for_feed(place), name=name, extra=calendar.extra_feed_events(place)
        ),
        content_type=ICS_TYPE,
    )
    response["Content-Disposition"] = f'inline; filename="{place.slug}.ics"'
    return response


@require_GET
def meeting_public(request, pk):
    meeting = get_visible_meeting(request, pk)
    return render(
        request,
        "dialogues/meeting_public.html",
        {
            "meeting": meeting,
            "series": meeting.series,
            "neighbourhood": meeting.series.neighbourhood,
            "venue": meeting.venue,
            "can_manage": request.user.has_perm("dialogues.manage_series", meeting),
        },
    )


@require_GET
def meeting_ics(request, pk):
    meeting = get_visible_meeting(request, pk)
    response = HttpResponse(calendar.meeting_ics(meeting), content_type=ICS_TYPE)
    response["Content-Disposition"] = f'attachment; filename="wijkdialoog-{meeting.pk}.ics"'
    return response


urlpatterns = [
    path(
        "wijk/<slug:organisation>/<slug:neighbourhood>/",
        neighbourhood_public,
        name="neighbourhood-public",
    ),
    path(
        "wijk/<slug:organisation>/<slug:neighbourhood>/agenda.ics",
        neighbourhood_feed,
        name="neighbourhood-feed",
    ),
    path("bijeenkomst/<int:pk>/", meeting_public, name="meeting-public"),
    path("bijeenkomst/<int:pk>/agenda.ics", meeting_ics, name="meeting-ics"),
]
