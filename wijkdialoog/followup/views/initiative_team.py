"""A team member's own page behind the link in their mail: the initiative, its updates, a form
to post an update with photos (made for a phone), and their consent to show their name."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from wijkdialoog.core.forms import show_domain_error

from .. import initiatives
from ..initiative_forms import ConsentForm, UpdateForm
from ..links import limited
from ..models import InitiativePhoto
from .initiatives import photo_response


def _invalid(request: HttpRequest) -> HttpResponse:
    return render(request, "followup/initiatives/team_link_invalid.html", status=404)


@never_cache
@require_http_methods(["GET", "POST"])
@limited
def initiative_team(request: HttpRequest, token: str) -> HttpResponse:
    if getattr(request, "limited", False):
        return render(request, "core/rate_limited.html", status=429)
    member = initiatives.member_by_token(token)
    if member is None:
        return _invalid(request)
    initiative = member.initiative
    posting = request.method == "POST" and request.POST.get("action") != "consent"
    form = UpdateForm(request.POST, request.FILES) if posting else UpdateForm()
    consent = ConsentForm(initial={"name_public": member.name_public})
    if request.method == "POST" and not posting:
        consent = ConsentForm(request.POST)
        if consent.is_valid():
            initiatives.set_name_consent(
                member=member, name_public=consent.cleaned_data["name_public"]
            )
            messages.success(request, _("Your choice is saved."))
            return redirect("initiative-team", token=token)
    if posting and form.is_valid():
        try:
            initiatives.post_update(
                initiative=initiative,
                text=form.cleaned_data["text"],
                photos=form.cleaned_data["photos"],
                member=member,
            )
        except ValidationError as error:
            show_domain_error(form, error)
        else:
            messages.success(request, _("Thank you! Your update is posted."))
            return redirect("initiative-team", token=token)
    return render(
        request,
        "followup/initiatives/team.html",
        {
            "member": member,
            "initiative": initiative,
            "token": token,
            "form": form,
            "consent_form": consent,
            "updates": list(initiatives.updates_of(initiative)),
            "team_names": initiatives.public_team_names(initiative),
        },
    )


@never_cache
@require_GET
@limited
def initiative_team_photo(request: HttpRequest, token: str, pk: int) -> HttpResponse | FileResponse:
    if getattr(request, "limited", False):
        return render(request, "core/rate_limited.html", status=429)
    member = initiatives.member_by_token(token)
    if member is None:
        return _invalid(request)
    photo = get_object_or_404(InitiativePhoto, pk=pk, initiative_id=member.initiative_id)
    return photo_response(photo)


urlpatterns = [
    path("initiatief/team/<str:token>/", initiative_team, name="initiative-team"),
    path(
        "initiatief/team/<str:token>/foto/<int:pk>/",
        initiative_team_photo,
        name="initiative-team-photo",
    ),
]
