"""The organiser's pages of collective initiatives: the list per series, making one (from
scratch, a card or a wijkagenda priority), editing, status, team, updates and the celebration."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wijkdialoog.agenda.models import AgendaItem
from wijkdialoog.core.access import require
from wijkdialoog.core.forms import show_domain_error
from wijkdialoog.dialogues.models import Series
from wijkdialoog.harvest.models import Card

from .. import initiatives
from ..initiative_forms import (
    CelebrationForm,
    InitiativeForm,
    PartnerMemberForm,
    StatusForm,
    TeamMemberForm,
    UpdateForm,
)
from ..models import Initiative, InitiativePhoto, TeamMember

PERMISSION = "followup.manage_initiatives"


def _series(request: HttpRequest, pk: int) -> Series:
    series = get_object_or_404(
        Series.objects.select_related("organisation", "neighbourhood"), pk=pk
    )
    require(request, PERMISSION, series)
    return series


def _initiative(request: HttpRequest, pk: int) -> Initiative:
    initiative = get_object_or_404(
        Initiative.objects.select_related(
            "series__organisation",
            "series__neighbourhood",
            "celebration_meeting__series",
            "agenda_item",
        ),
        pk=pk,
    )
    require(request, PERMISSION, initiative)
    return initiative


def _member(request: HttpRequest, pk: int) -> TeamMember:
    member = get_object_or_404(
        TeamMember.objects.select_related("initiative__series", "person"), pk=pk
    )
    require(request, PERMISSION, member)
    return member


@require_GET
def initiative_list(request: HttpRequest, pk: int) -> HttpResponse:
    series = _series(request, pk)
    return render(
        request,
        "followup/initiatives/initiative_list.html",
        {"series": series, "initiatives": list(initiatives.for_series(series))},
    )


def _initiative_form(request: HttpRequest, series: Series, **kwargs: Any) -> InitiativeForm:
    return InitiativeForm(
        request.POST if request.method == "POST" else None,
        cards=initiatives.seed_cards(series),
        themes=initiatives.series_themes(series),
        **kwargs,
    )


def _seeds(request: HttpRequest, series: Series) -> tuple[dict[str, Any], AgendaItem | None]:
    source = request.POST if request.method == "POST" else request.GET
    card = item = None
    if source.get("card", "").isdigit():
        card = Card.objects.filter(pk=source["card"]).select_related("meeting").first()
    if source.get("item", "").isdigit():
        item = AgendaItem.objects.filter(pk=source["item"]).select_related("agenda").first()
    initial = initiatives.seeds_from(series, card=card, item=item)
    return initial, (item if item is not None and "why" in initial else None)


@require_http_methods(["GET", "POST"])
def initiative_create(request: HttpRequest, pk: int) -> HttpResponse:
    series = _series(request, pk)
    initial, item = _seeds(request, series)
    form = _initiative_form(request, series, initial=initial)
    if request.method == "POST" and form.is_valid():
        initiative = initiatives.create_initiative(
            series=series,
            data=form.cleaned_data,
            cards=form.cleaned_data["cards"],
            themes=form.cleaned_data["themes"],
            agenda_item=item,
            actor=request.user,
        )
        messages.success(request, _("The initiative is made. Now add its team."))
        return redirect("initiative-manage", pk=initiative.pk)
    return render(
        request,
        "followup/initiatives/initiative_form.html",
        {"series": series, "form": form, "agenda_item": item, "initial": initial},
    )


@require_http_methods(["GET", "POST"])
def initiative_edit(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = _initiative(request, pk)
    form = _initiative_form(request, initiative.series, instance=initiative)
    if request.method == "POST" and form.is_valid():
        initiatives.edit_initiative(
            initiative=initiative,
            data=form.cleaned_data,
            cards=form.cleaned_data["cards"],
            themes=form.cleaned_data["themes"],
            actor=request.user,
        )
        messages.success(request, _("The initiative is saved."))
        return redirect("initiative-manage", pk=initiative.pk)
    return render(
        request,
        "followup/initiatives/initiative_form.html",
        {"series": initiative.series, "form": form, "initiative": initiative},
    )


def _manage_page(request: HttpRequest, initiative: Initiative, **forms: Any) -> HttpResponse:
    partners = initiatives.partners_of(initiative).exclude(
        person__initiative_teams__initiative=initiative
    )
    context = {
        "initiative": initiative,
        "series": initiative.series,
        "cards": list(initiative.cards.select_related("meeting")),
        "themes": list(initiative.themes.all()),
        "team": list(initiatives.team_of(initiative)),
        **initiatives.timeline(initiative),
        "celebration_photos": list(initiatives.celebration_photos(initiative)),
        "status_form": forms.get("status_form")
        or StatusForm(initial={"status": initiative.status}),
        "member_form": forms.get("member_form") or TeamMemberForm(),
        "partner_form": forms.get("partner_form") or PartnerMemberForm(partners=partners),
        "update_form": forms.get("update_form") or UpdateForm(),
    }
    return render(request, "followup/initiatives/initiative_manage.html", context)


@require_GET
def initiative_manage(request: HttpRequest, pk: int) -> HttpResponse:
    return _manage_page(request, _initiative(request, pk))


@require_POST
def initiative_status(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = _initiative(request, pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            initiatives.change_status(
                initiative=initiative,
                status=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
                actor=request.user,
            )
        except ValidationError as error:
            show_domain_error(form, error)
        else:
            messages.success(request, _("The status is changed."))
            return redirect("initiative-manage", pk=initiative.pk)
    return _manage_page(request, initiative, status_form=form)


@require_POST
def initiative_member_add(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = _initiative(request, pk)
    form = TeamMemberForm(request.POST)
    if form.is_valid():
        initiatives.add_resident(
            initiative=initiative,
            first_name=form.cleaned_data["first_name"],
            email=form.cleaned_data["email"],
            kind=form.cleaned_data["kind"],
            actor=request.user,
        )
        messages.success(request, _("Added to the team. They get their personal link by email."))
        return redirect("initiative-manage", pk=initiative.pk)
    return _manage_page(request, initiative, member_form=form)


@require_POST
def initiative_partner_add(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = _initiative(request, pk)
    form = PartnerMemberForm(request.POST, partners=initiatives.partners_of(initiative))
    if form.is_valid():
        initiatives.add_member(
            initiative=initiative,
            person=form.cleaned_data["membership"].person,
            kind=TeamMember.Kind.PARTNER,
            actor=request.user,
        )
        messages.success(request, _("The partner is in the team and gets a personal link."))
        return redirect("initiative-manage", pk=initiative.pk)
    return _manage_page(request, initiative, partner_form=form)


@require_POST
def team_member_contact(request: HttpRequest, pk: int) -> HttpResponse:
    member = _member(request, pk)
    if member.revoked_at is None:
        initiatives.make_contact(member=member, actor=request.user)
        messages.success(request, _("The contact person is changed."))
    return redirect("initiative-manage", pk=member.initiative_id)


@require_POST
def team_member_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    member = _member(request, pk)
    initiatives.revoke_member(member=member, actor=request.user)
    messages.success(request, _("Removed from the team. Their link no longer works."))
    return redirect("initiative-manage", pk=member.initiative_id)


@require_POST
def initiative_update(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = _initiative(request, pk)
    form = UpdateForm(request.POST, request.FILES)
    if form.is_valid():
        initiatives.post_update(
            initiative=initiative,
            text=form.cleaned_data["text"],
            photos=form.cleaned_data["photos"],
            actor=request.user,
        )
        messages.success(request, _("The update is posted."))
        return redirect("initiative-manage", pk=initiative.pk)
    return _manage_page(request, initiative, update_form=form)


@require_http_methods(["GET", "POST"])
def initiative_celebrate(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = _initiative(request, pk)
    form = CelebrationForm(
        request.POST or None,
        request.FILES or None,
        meetings=initiatives.celebration_meetings(initiative),
        initial={
            "meeting": initiative.celebration_meeting_id,
            "story": initiative.celebration_story,
        },
    )
    if request.method == "POST" and form.is_valid():
        initiatives.celebrate(
            initiative=initiative,
            meeting=form.cleaned_data["meeting"],
            story=form.cleaned_data["story"],
            photos=form.cleaned_data["photos"],
            actor=request.user,
        )
        messages.success(request, _("Celebrated! The story shows on the initiative's page."))
        return redirect("initiative-manage", pk=initiative.pk)
    return render(
        request,
        "followup/initiatives/initiative_celebrate.html",
        {"initiative": initiative, "series": initiative.series, "form": form},
    )


def photo_response(photo: InitiativePhoto) -> FileResponse:
    response = FileResponse(photo.image.open("rb"))
    response["Cache-Control"] = "private, max-age=3600"
    response["Content-Security-Policy"] = "default-src 'none'"
    return response


@require_GET
def initiative_photo(request: HttpRequest, pk: int) -> HttpResponse | FileResponse:
    """A photo: for anyone when the initiative is public, else only for its organisers and the
    partners in its team."""
    photo = get_object_or_404(InitiativePhoto.objects.select_related("initiative__series"), pk=pk)
    if not photo.initiative.is_public and not request.user.has_perm(
        "followup.post_initiative_update", photo.initiative
    ):
        require(request, PERMISSION, photo.initiative)
    if not photo.image:
        raise Http404
    return photo_response(photo)


urlpatterns = [
    path("beheer/wijkdialogen/<int:pk>/initiatieven/", initiative_list, name="initiative-list"),
    path(
        "beheer/wijkdialogen/<int:pk>/initiatieven/nieuw/",
        initiative_create,
        name="initiative-create",
    ),
    path("beheer/initiatieven/<int:pk>/", initiative_manage, name="initiative-manage"),
    path("beheer/initiatieven/<int:pk>/bewerken/", initiative_edit, name="initiative-edit"),
    path("beheer/initiatieven/<int:pk>/status/", initiative_status, name="initiative-status"),
    path("beheer/initiatieven/<int:pk>/team/", initiative_member_add, name="initiative-member-add"),
    path(
        "beheer/initiatieven/<int:pk>/partner/",
        initiative_partner_add,
        name="initiative-partner-add",
    ),
    path("beheer/initiatieven/<int:pk>/bericht/", initiative_update, name="initiative-update"),
    path("beheer/initiatieven/<int:pk>/vieren/", initiative_celebrate, name="initiative-celebrate"),
    path(
        "beheer/initiatief-team/<int:pk>/contact/", team_member_contact, name="team-member-contact"
    ),
    path(
        "beheer/initiatief-team/<int:pk>/intrekken/", team_member_revoke, name="team-member-revoke"
    ),
    path("initiatief-foto/<int:pk>/", initiative_photo, name="initiative-photo"),
]
