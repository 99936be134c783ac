"""The organiser's page to share the organisation's published reports and stories in
Wijkdialogen in beweging, or to stop sharing them."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wijkdialoog.dialogues.access import organisation_for

from ..collection import change_sharing, sharing_of
from ..collection_forms import KEEP, SHARE, CollectionSharingForm


@require_http_methods(["GET", "POST"])
def collection_sharing(request: HttpRequest) -> HttpResponse:
    organisation = organisation_for(request, "learning.change_collection_sharing")
    sharing = sharing_of(organisation)
    initial = SHARE if sharing.shares else KEEP
    form = CollectionSharingForm(request.POST or None, initial={"choice": initial})
    if request.method == "POST" and form.is_valid():
        change_sharing(organisation=organisation, actor=request.user, shares=form.shares)
        messages.success(request, _("The changes have been saved."))
        return redirect("dashboard")
    return render(
        request,
        "learning/collection_sharing.html",
        {"form": form, "organisation": organisation, "sharing": sharing},
    )


urlpatterns = [
    path("beheer/delen-met-andere-wijken/", collection_sharing, name="collection-sharing"),
]
