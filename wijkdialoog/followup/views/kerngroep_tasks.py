"""The task list actions shared by the organiser's and the member's kerngroep pages: add a task,
mark one done or open again, and edit one."""

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from wijkdialoog.core.forms import show_domain_error
from wijkdialoog.dialogues.models import Series

from .. import kerngroep
from ..kerngroep_forms import TaskForm
from ..models import KerngroepTask


@dataclass
class TaskRow:
    task: KerngroepTask
    edit_url: str
    overdue: bool


def rows(series: Series, member: Any, edit_url: Any) -> list[TaskRow]:
    """The task list with, per task, where to edit it if this person may."""
    from django.utils import timezone

    today = timezone.localdate()
    return [
        TaskRow(
            task=task,
            edit_url=edit_url(task) if kerngroep.may_edit(task, member) else "",
            overdue=bool(task.due_on and task.due_on < today and not task.done_at),
        )
        for task in kerngroep.tasks_of(series)
    ]


def task_of(series: Series, pk: Any) -> KerngroepTask:
    task = KerngroepTask.objects.filter(series=series, pk=pk).select_related("series").first()
    if task is None:
        raise Http404
    return task


def add_task(request: HttpRequest, series: Series, changer: kerngroep.Changer) -> TaskForm | None:
    """None when the task was added; else the form with its errors."""
    form = TaskForm(request.POST, series_id=series.pk)
    if not form.is_valid():
        return form
    try:
        kerngroep.add_task(series=series, changer=changer, **form.cleaned_data)
    except ValidationError as error:
        show_domain_error(form, error)
        return form
    messages.success(request, _("The task is on the list."))
    return None


def set_done(request: HttpRequest, series: Series, changer: kerngroep.Changer) -> None:
    task = task_of(series, request.POST.get("task", "").strip() or 0)
    done = request.POST.get("done") != "no"
    if kerngroep.mark_done(task=task, done=done, changer=changer):
        messages.success(request, _("Marked as done.") if done else _("Open again."))
    elif done:
        messages.info(request, _("Someone else marked this task as done already."))


def edit_task(
    request: HttpRequest, task: KerngroepTask, changer: kerngroep.Changer
) -> tuple[TaskForm, bool]:
    """The edit form, and whether the change was saved."""
    initial = {"text": task.text, "owner": task.owner_id, "due_on": task.due_on}
    if request.method != "POST":
        return TaskForm(initial=initial, series_id=task.series_id), False
    form = TaskForm(request.POST, initial=initial, series_id=task.series_id)
    if not form.is_valid():
        return form, False
    try:
        kerngroep.edit_task(task=task, changer=changer, **form.cleaned_data)
    except ValidationError as error:
        show_domain_error(form, error)
        return form, False
    messages.success(request, _("The task is saved."))
    return form, True


def organiser_edit_url(task: KerngroepTask) -> str:
    return reverse("kerngroep-task", args=[task.series_id, task.pk])
