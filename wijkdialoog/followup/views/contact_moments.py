"""Samen verder: the organiser plans, moves, rewords or removes an initiative's contact moments,
from the initiative's organiser page."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wijkdialoog.core.access import require

from .. import contact_moments
from ..initiative_forms import ContactMomentForm
from ..models import ContactMoment, Initiative

PERMISSION = "followup.manage_initiatives"
TEMPLATE = "followup/initiatives/contact_moment_form.html"


def _moment(request: HttpRequest, pk: int) -> ContactMoment:
    moment = get_object_or_404(
        ContactMoment.objects.select_related("initiative__series__organisation"), pk=pk
    )
    require(request, PERMISSION, moment)
    return moment


def _back(initiative_id: int) -> HttpResponse:
    return redirect(reverse("initiative-manage", args=[initiative_id]) + "#contact-moments")


@require_http_methods(["GET", "POST"])
def contact_moment_add(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = get_object_or_404(Initiative.objects.select_related("series__organisation"), pk=pk)
    require(request, PERMISSION, initiative)
    form = ContactMomentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        contact_moments.add_contact_moment(
            initiative=initiative, actor=request.user, **form.cleaned_data
        )
        messages.success(request, _("The contact moment is planned."))
        return _back(initiative.pk)
    return render(request, TEMPLATE, {"initiative": initiative, "form": form})


@require_http_methods(["GET", "POST"])
def contact_moment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    moment = _moment(request, pk)
    form = ContactMomentForm(request.POST or None, initial={"on": moment.on, "what": moment.what})
    if request.method == "POST" and form.is_valid():
        contact_moments.edit_contact_moment(moment=moment, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The contact moment is saved."))
        return _back(moment.initiative_id)
    return render(
        request, TEMPLATE, {"initiative": moment.initiative, "moment": moment, "form": form}
    )


@require_POST
def contact_moment_remove(request: HttpRequest, pk: int) -> HttpResponse:
    moment = _moment(request, pk)
    contact_moments.remove_contact_moment(moment=moment, actor=request.user)
    messages.success(request, _("The contact moment is removed."))
    return _back(moment.initiative_id)


urlpatterns = [
    path(
        "beheer/initiatieven/<int:pk>/contactmoment/",
        contact_moment_add,
        name="contact-moment-add",
    ),
    path("beheer/contactmomenten/<int:pk>/", contact_moment_edit, name="contact-moment-edit"),
    path(
        "beheer/contactmomenten/<int:pk>/verwijderen/",
        contact_moment_remove,
        name="contact-moment-remove",
    ),
]
