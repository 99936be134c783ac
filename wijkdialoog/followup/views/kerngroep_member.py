"""The member's kerngroep page, through their personal link (no account) or their login: the
group (first names and roles only), the task list, adding a task, marking one done, and editing
their own tasks. Plain forms: works without JavaScript."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from wijkdialoog.core.access import require_or_404
from wijkdialoog.dialogues.models import Series

from .. import kerngroep
from ..kerngroep_forms import TaskForm
from ..links import limited, link_invalid
from ..models import KerngroepMember, KerngroepTask
from . import kerngroep_tasks as tasks

Urls = Callable[[KerngroepTask | None], str]


def _by_link(request: HttpRequest, token: str) -> KerngroepMember | HttpResponse:
    if getattr(request, "limited", False):
        return render(request, "core/rate_limited.html", status=429)
    member = kerngroep.member_by_token(token)
    if member is None:
        return link_invalid(
            request,
            explanation=_(
                "Maybe you got a newer link, or you are no longer in the kerngroep. Or the link "
                "is not complete: copy the whole link from your email and try again."
            ),
            ask=_("Need a new link? Ask the organisation of the dialogue series."),
        )
    return member


def _by_login(request: HttpRequest, pk: int) -> KerngroepMember:
    series = get_object_or_404(Series, pk=pk)
    require_or_404(request, "followup.use_kerngroep", series)
    member = kerngroep.member_for_user(request.user, pk)
    assert member is not None  # the permission says they are an active member
    return member


def _urls_for_link(token: str) -> Urls:
    def url(task: KerngroepTask | None) -> str:
        if task is None:
            return reverse("kerngroep-link", args=[token])
        return reverse("kerngroep-link-task", args=[token, task.pk])

    return url


def _urls_for_login(pk: int) -> Urls:
    def url(task: KerngroepTask | None) -> str:
        if task is None:
            return reverse("kerngroep-mine", args=[pk])
        return reverse("kerngroep-mine-task", args=[pk, task.pk])

    return url


def _page(request: HttpRequest, member: KerngroepMember, urls: Urls) -> HttpResponse:
    series = member.series
    changer = kerngroep.Changer(user=request.user, member=member)
    task_form: Any = TaskForm(series_id=series.pk, initial={"owner": member.pk})
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action == "add-task":
            failed = tasks.add_task(request, series, changer)
            if failed is None:
                return redirect(urls(None))
            task_form = failed
        else:
            if action == "done":
                tasks.set_done(request, series, changer)
            elif action == "digest":
                _set_digest(request, member)
            return redirect(urls(None))
    return render(
        request,
        "followup/kerngroep/member.html",
        {
            "member": member,
            "series": series,
            "organisation": series.organisation,
            "members": list(kerngroep.active_members(series)),
            "rows": tasks.rows(series, member, urls),
            "task_form": task_form,
            "page_url": urls(None),
        },
    )


def _set_digest(request: HttpRequest, member: KerngroepMember) -> None:
    wants = request.POST.get("wants_digest") == "yes"
    KerngroepMember.objects.filter(pk=member.pk).update(wants_digest=wants)
    messages.success(
        request,
        _("You get the weekly email.") if wants else _("You no longer get the weekly email."),
    )


def _task_page(
    request: HttpRequest, member: KerngroepMember, task_pk: int, urls: Urls
) -> HttpResponse:
    task = tasks.task_of(member.series, task_pk)
    if not kerngroep.may_edit(task, member):
        return render(
            request, "followup/kerngroep/not_yours.html", {"back_url": urls(None)}, status=403
        )
    changer = kerngroep.Changer(user=request.user, member=member)
    form, saved = tasks.edit_task(request, task, changer)
    if saved:
        return redirect(urls(None))
    return render(
        request,
        "followup/kerngroep/task.html",
        {"series": member.series, "task": task, "form": form, "back_url": urls(None)},
    )


@never_cache
@require_http_methods(["GET", "POST"])
@limited
def kerngroep_link(request: HttpRequest, token: str) -> HttpResponse:
    member = _by_link(request, token)
    if isinstance(member, HttpResponse):
        return member
    return _page(request, member, _urls_for_link(token))


@never_cache
@require_http_methods(["GET", "POST"])
@limited
def kerngroep_link_task(request: HttpRequest, token: str, task: int) -> HttpResponse:
    member = _by_link(request, token)
    if isinstance(member, HttpResponse):
        return member
    return _task_page(request, member, task, _urls_for_link(token))


@require_http_methods(["GET", "POST"])
def kerngroep_mine(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, _by_login(request, pk), _urls_for_login(pk))


@require_http_methods(["GET", "POST"])
def kerngroep_mine_task(request: HttpRequest, pk: int, task: int) -> HttpResponse:
    return _task_page(request, _by_login(request, pk), task, _urls_for_login(pk))


urlpatterns = [
    path("kerngroep/<str:token>/", kerngroep_link, name="kerngroep-link"),
    path("kerngroep/<str:token>/taak/<int:task>/", kerngroep_link_task, name="kerngroep-link-task"),
    path("kerngroep/mijn/<int:pk>/", kerngroep_mine, name="kerngroep-mine"),
    path(
        "kerngroep/mijn/<int:pk>/taak/<int:task>/", kerngroep_mine_task, name="kerngroep-mine-task"
    ),
]
