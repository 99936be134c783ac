"""A team member's own page behind the link in their mail: the initiative, its timeline, a form
to post an update with photos (made for a phone), and their consent to show their name. A
partner in the team gets the same page when logged in."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from wijkdialoog.core.access import require
from wijkdialoog.core.forms import show_domain_error

from .. import initiatives
from ..initiative_forms import ConsentForm, UpdateForm
from ..links import limited, link_invalid
from ..models import Initiative, InitiativePhoto, TeamMember
from .initiatives import photo_response


def _invalid(request: HttpRequest) -> HttpResponse:
    return link_invalid(
        request,
        explanation=_(
            "The link is not complete, or you are no longer in the team of this initiative. "
            "Copy the whole link from your email and try again."
        ),
        ask=_("Still want to help? Ask the organisation for a new link."),
    )


def _team_page(
    request: HttpRequest, member: TeamMember, here: str, token: str = ""
) -> HttpResponse:
    """The team page, for a member behind their link or a partner logged in; `here` is its URL."""
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
            return redirect(here)
    if posting and form.is_valid():
        try:
            initiatives.post_update(
                initiative=initiative,
                text=form.cleaned_data["text"],
                photos=form.cleaned_data["photos"],
                member=member,
                actor=request.user if not token else None,
            )
        except ValidationError as error:
            show_domain_error(form, error)
        else:
            messages.success(request, _("Thank you! Your update is posted."))
            return redirect(here)
    return render(
        request,
        "followup/initiatives/team.html",
        {
            "member": member,
            "initiative": initiative,
            "token": token,
            "form": form,
            "consent_form": consent,
            "team_names": initiatives.public_team_names(initiative),
            "show_reasons": True,
            **initiatives.timeline(initiative),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
@limited
def initiative_team(request: HttpRequest, token: str) -> HttpResponse:
    if getattr(request, "limited", False):
        return render(request, "core/rate_limited.html", status=429)
    member = initiatives.member_by_token(token)
    if member is None:
        return _invalid(request)
    return _team_page(request, member, reverse("initiative-team", args=[token]), token)


@never_cache
@require_http_methods(["GET", "POST"])
def initiative_team_partner(request: HttpRequest, pk: int) -> HttpResponse:
    """The same page for a partner in the team, logged in instead of through the link."""
    initiative = get_object_or_404(
        Initiative.objects.select_related("series__organisation", "series__neighbourhood"), pk=pk
    )
    require(request, "followup.post_initiative_update", initiative)
    member = initiatives.partner_member(initiative, request.user)
    if member is None:  # pragma: no cover - the permission above needs this member
        raise Http404
    return _team_page(request, member, reverse("initiative-team-partner", args=[pk]))


@never_cache
@require_GET
@limited  # type: ignore[arg-type]  # it passes the FileResponse on unchanged
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
        "beheer/initiatieven/<int:pk>/mijn-team/",
        initiative_team_partner,
        name="initiative-team-partner",
    ),
    path(
        "initiatief/team/<str:token>/foto/<int:pk>/",
        initiative_team_photo,
        name="initiative-team-photo",
    ),
]
