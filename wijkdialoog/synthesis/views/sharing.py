"""The organisation's choice of what partners see of the harvest."""

from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wijkdialoog.dialogues.access import organisation_for

from ..harvest_forms import PUBLIC_ONLY, WITH_INTERNAL, SharingForm
from ..sharing import change_sharing, sharing_of


@require_http_methods(["GET", "POST"])
def harvest_sharing(request: Any) -> HttpResponse:
    organisation = organisation_for(request, "synthesis.change_sharing")
    sharing = sharing_of(organisation)
    initial = WITH_INTERNAL if sharing.partners_see_internal else PUBLIC_ONLY
    form = SharingForm(request.POST or None, initial={"partners_see": initial})
    if request.method == "POST" and form.is_valid():
        change_sharing(
            organisation=organisation,
            actor=request.user,
            partners_see_internal=form.partners_see_internal,
        )
        messages.success(request, _("The changes have been saved."))
        return redirect("dashboard")
    return render(
        request,
        "synthesis/sharing_form.html",
        {"form": form, "organisation": organisation, "sharing": sharing},
    )


urlpatterns = [
    path("beheer/oogst-delen/", harvest_sharing, name="harvest-sharing"),
]
