"""Organiser pages: the venues of an organisation, with their accessibility facts."""

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from wijkdialoog.core.access import require

from .. import planning
from ..access import organisation_for
from ..forms import VenueForm
from ..models import Venue


@require_GET
def venue_list(request):
    organisation = organisation_for(request, "dialogues.manage_venues")
    venues = organisation.venues.annotate(
        upcoming_count=Count(
            "meetings",
            filter=Q(meetings__starts_at__gte=timezone.now(), meetings__cancelled_at__isnull=True),
        )
    )
    return render(
        request, "dialogues/venue_list.html", {"organisation": organisation, "venues": venues}
    )


@require_http_methods(["GET", "POST"])
def venue_create(request):
    organisation = organisation_for(request, "dialogues.manage_venues")
    form = VenueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        venue = planning.create_venue(
            organisation=organisation, actor=request.user, **form.cleaned_data
        )
        messages.success(request, _("%(name)s has been added.") % {"name": venue.name})
        return redirect("venue-list")
    return render(request, "dialogues/venue_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def venue_edit(request, pk):
    venue = get_object_or_404(Venue.objects.select_related("organisation"), pk=pk)
    require(request, "dialogues.manage_venues", venue)
    form = VenueForm(request.POST or None, instance=venue)
    if request.method == "POST" and form.is_valid():
        planning.update_venue(venue=venue, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The changes have been saved."))
        return redirect("venue-list")
    return render(request, "dialogues/venue_form.html", {"form": form, "venue": venue})


urlpatterns = [
    path("beheer/ontmoetingsplekken/", venue_list, name="venue-list"),
    path("beheer/ontmoetingsplekken/nieuw/", venue_create, name="venue-create"),
    path("beheer/ontmoetingsplekken/<int:pk>/", venue_edit, name="venue-edit"),
]
