"""The public page of an initiative, once the organiser has made it public: what and why, the
status, the updates and the celebration. Names only of team members who agreed."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import path
from django.views.decorators.http import require_GET

from .. import initiatives
from ..models import Initiative


@require_GET
def initiative_public(
    request: HttpRequest, organisation: str, neighbourhood: str, pk: int
) -> HttpResponse:
    initiative = get_object_or_404(
        Initiative.objects.select_related(
            "series__organisation", "series__neighbourhood", "celebration_meeting__series"
        ),
        pk=pk,
        is_public=True,
        series__neighbourhood__slug=neighbourhood,
        series__organisation__slug=organisation,
    )
    return render(
        request,
        "followup/initiatives/initiative_public.html",
        {
            "initiative": initiative,
            "neighbourhood": initiative.series.neighbourhood,
            "team_names": initiatives.public_team_names(initiative),
            **initiatives.timeline(initiative),
            "celebration_photos": list(initiatives.celebration_photos(initiative)),
        },
    )


urlpatterns = [
    path(
        "wijk/<slug:organisation>/<slug:neighbourhood>/initiatief/<int:pk>/",
        initiative_public,
        name="initiative-public",
    ),
]
