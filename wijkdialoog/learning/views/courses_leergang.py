"""A leergang: a named group of courses of the organisation, made and changed by its organisers
and trainers."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wijkdialoog.core.access import require

from ..courses import save_leergang
from ..courses_forms import LeergangForm
from ..models import Leergang
from .courses import managing_organisation


@require_http_methods(["GET", "POST"])
def leergang_create(request: HttpRequest) -> HttpResponse:
    organisation = managing_organisation(request)
    return _leergang_form(request, Leergang(organisation=organisation))


@require_http_methods(["GET", "POST"])
def leergang_edit(request: HttpRequest, pk: int) -> HttpResponse:
    leergang = get_object_or_404(Leergang, pk=pk)
    require(request, "learning.manage_courses", leergang)
    return _leergang_form(request, leergang)


def _leergang_form(request: HttpRequest, leergang: Leergang) -> HttpResponse:
    form = LeergangForm(request.POST or None, instance=leergang)
    if request.method == "POST" and form.is_valid():
        save_leergang(leergang=form.save(commit=False), actor=request.user)
        messages.success(request, _("The leergang has been saved."))
        return redirect("course-list")
    return render(
        request,
        "learning/leergang_form.html",
        {"form": form, "leergang": leergang},
        status=400 if form.errors else 200,
    )


urlpatterns: list[URLPattern] = [
    path("beheer/leergang/leergangen/nieuw/", leergang_create, name="leergang-create"),
    path("beheer/leergang/leergangen/<int:pk>/", leergang_edit, name="leergang-edit"),
]
