"""Adapting an own method: its name, summary and rules, and its phases (add, change, remove, move).
Shipped methods are read-only; the permission check answers 403 for them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .. import library
from ..access import get_method, get_phase
from ..forms import MethodForm, PhaseForm

MANAGE = "methods.manage_methods"


def _to_phases(method):
    return redirect(f"{method.get_absolute_url()}#phases")


@require_http_methods(["GET", "POST"])
def method_edit(request, pk):
    method = get_method(request, pk, MANAGE)
    form = MethodForm(request.POST or None, instance=method)
    if request.method == "POST" and form.is_valid():
        library.update_method(method=method, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The changes have been saved."))
        return redirect("method-detail", pk=method.pk)
    return render(request, "methods/method_form.html", {"form": form, "method": method})


@require_http_methods(["GET", "POST"])
def phase_create(request, pk):
    method = get_method(request, pk, MANAGE)
    form = PhaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        phase = library.add_phase(method=method, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The phase “%(name)s” has been added.") % {"name": phase})
        return _to_phases(method)
    return render(request, "methods/phase_form.html", {"form": form, "method": method})


@require_http_methods(["GET", "POST"])
def phase_edit(request, pk):
    phase = get_phase(request, pk)
    form = PhaseForm(request.POST or None, instance=phase)
    if request.method == "POST" and form.is_valid():
        library.update_phase(phase=phase, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The changes have been saved."))
        return _to_phases(phase.method)
    return render(
        request,
        "methods/phase_form.html",
        {"form": form, "method": phase.method, "phase": phase},
    )


@require_http_methods(["GET", "POST"])
def phase_delete(request, pk):
    phase = get_phase(request, pk)
    method = phase.method
    error = None
    if request.method == "POST":
        try:
            library.delete_phase(phase=phase, actor=request.user)
        except ValidationError as problem:
            error = problem.messages[0]
        else:
            messages.success(request, _("The phase “%(name)s” has been removed.") % {"name": phase})
            return _to_phases(method)
    return render(
        request,
        "methods/phase_delete.html",
        {"phase": phase, "method": method, "error": error},
        status=400 if error else 200,
    )


@require_POST
def phase_move(request, pk):
    phase = get_phase(request, pk)
    direction = request.POST.get("direction")
    if direction not in ("up", "down"):
        return redirect("method-detail", pk=phase.method_id)
    library.move_phase(phase=phase, actor=request.user, direction=direction)
    return redirect(f"{phase.method.get_absolute_url()}#phase-{phase.pk}")


urlpatterns = [
    path("beheer/werkvormen/<int:pk>/bewerken/", method_edit, name="method-edit"),
    path("beheer/werkvormen/<int:pk>/fasen/nieuw/", phase_create, name="phase-create"),
    path("beheer/werkvormen/fasen/<int:pk>/bewerken/", phase_edit, name="phase-edit"),
    path("beheer/werkvormen/fasen/<int:pk>/verwijderen/", phase_delete, name="phase-delete"),
    path("beheer/werkvormen/fasen/<int:pk>/verplaatsen/", phase_move, name="phase-move"),
]
