"""The organiser's kerngroep page of a series: members and their roles, a new personal link,
and the shared task list."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wijkdialoog.core.forms import show_domain_error
from wijkdialoog.dialogues.access import get_series_for
from wijkdialoog.dialogues.models import Series

from .. import kerngroep
from ..kerngroep_forms import AddMemberForm, RolesForm, TaskForm
from ..models import KerngroepMember
from . import kerngroep_tasks as tasks

PERMISSION = "followup.manage_kerngroep"


def _member(series: Series, request: HttpRequest) -> KerngroepMember:
    member = (
        kerngroep.active_members(series)
        .select_related("series")
        .filter(pk=request.POST.get("member", "").strip() or 0)
        .first()
    )
    if member is None:
        raise Http404
    return member


def _add_member(request: HttpRequest, series: Series, changer: Any) -> AddMemberForm | None:
    form = AddMemberForm(request.POST, organisation_id=series.organisation_id)
    if not form.is_valid():
        return form
    data = form.cleaned_data
    try:
        kerngroep.add_member(
            series=series,
            roles=data["roles"],
            changer=changer,
            person=data["person"],
            details={k: data[k] for k in ("first_name", "last_name", "email", "language")},
        )
    except ValidationError as error:
        show_domain_error(form, error)
        return form
    messages.success(request, _("Added to the kerngroep."))
    return None


def _member_action(request: HttpRequest, series: Series, changer: Any, action: str) -> None:
    member = _member(series, request)
    if action == "roles":
        form = RolesForm(request.POST, prefix=f"m{member.pk}")
        roles = form.cleaned_data["roles"] if form.is_valid() else []
        kerngroep.set_roles(member=member, roles=roles, changer=changer)
        messages.success(request, _("The roles are saved."))
    elif action == "remove":
        kerngroep.remove_member(member=member, changer=changer)
        messages.success(request, _("%(name)s left the kerngroep.") % {"name": member.person})
    elif action == "link":
        kerngroep.send_link(member=member, changer=changer)
        messages.success(request, _("A new personal link is sent; the old one no longer works."))


@require_http_methods(["GET", "POST"])
def kerngroep_manage(request: HttpRequest, pk: int) -> HttpResponse:
    series = get_series_for(request, pk, PERMISSION)
    changer = kerngroep.Changer(user=request.user)
    member_form = AddMemberForm(organisation_id=series.organisation_id)
    task_form = TaskForm(series_id=series.pk)
    if request.method == "POST":
        action = request.POST.get("action", "")
        failed: Any = None
        if action == "add-member":
            failed = _add_member(request, series, changer)
            member_form = failed or member_form
        elif action == "add-task":
            failed = tasks.add_task(request, series, changer)
            task_form = failed or task_form
        elif action == "done":
            tasks.set_done(request, series, changer)
        elif action in ("roles", "remove", "link"):
            _member_action(request, series, changer, action)
        if failed is None:
            return redirect("kerngroep-manage", pk=series.pk)
    members = list(kerngroep.active_members(series))
    return render(
        request,
        "followup/kerngroep/manage.html",
        {
            "series": series,
            "members": [
                (m, RolesForm(initial={"roles": m.roles}, prefix=f"m{m.pk}")) for m in members
            ],
            "member_form": member_form,
            "task_form": task_form,
            "rows": tasks.rows(series, None, tasks.organiser_edit_url),
            "summary": kerngroep.summary(series),
        },
    )


@require_http_methods(["GET", "POST"])
def kerngroep_task(request: HttpRequest, pk: int, task: int) -> HttpResponse:
    series = get_series_for(request, pk, PERMISSION)
    stored = tasks.task_of(series, task)
    form, saved = tasks.edit_task(request, stored, kerngroep.Changer(user=request.user))
    if saved:
        return redirect("kerngroep-manage", pk=series.pk)
    return render(
        request,
        "followup/kerngroep/task.html",
        {"series": series, "task": stored, "form": form, "back_url": _back(series)},
    )


def _back(series: Series) -> str:
    from django.urls import reverse

    return reverse("kerngroep-manage", args=[series.pk])


urlpatterns = [
    path("beheer/wijkdialogen/<int:pk>/kerngroep/", kerngroep_manage, name="kerngroep-manage"),
    path(
        "beheer/wijkdialogen/<int:pk>/kerngroep/taak/<int:task>/",
        kerngroep_task,
        name="kerngroep-task",
    ),
]
