"""Organiser pages: the tables of a meeting and who leads them."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wijkdialoog.core.forms import show_domain_error

from .. import planning
from ..access import get_meeting_for, get_table_for
from ..forms import TableForm
from ..models import DEFAULT_SEATS, Meeting, Table


def _save(request, form: TableForm, meeting: Meeting, table: Table | None):
    data = dict(form.cleaned_data)
    try:
        saved = planning.save_table(
            meeting=meeting,
            actor=request.user,
            table=table,
            facilitator=data.pop("facilitator"),
            harvester=data.pop("harvester"),
            override_reason=data.pop("facilitator_override_reason"),
            **data,
        )
    except ValidationError as error:
        show_domain_error(form, error)
        return None
    messages.success(request, _("%(table)s has been saved.") % {"table": saved})
    return redirect("meeting-manage", pk=meeting.pk)


@require_http_methods(["GET", "POST"])
def table_create(request, pk):
    meeting = get_meeting_for(request, pk, "dialogues.manage_series")
    form = TableForm(
        request.POST or None,
        meeting=meeting,
        initial={"number": planning.next_table_number(meeting), "seats": DEFAULT_SEATS},
    )
    if request.method == "POST" and form.is_valid():
        response = _save(request, form, meeting, None)
        if response:
            return response
    return render(request, "dialogues/table_form.html", {"form": form, "meeting": meeting})


@require_http_methods(["GET", "POST"])
def table_edit(request, pk):
    table = get_table_for(request, pk, "dialogues.manage_series")
    meeting = table.meeting
    form = TableForm(request.POST or None, instance=table, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        response = _save(request, form, meeting, table)
        if response:
            return response
    return render(
        request, "dialogues/table_form.html", {"form": form, "meeting": meeting, "table": table}
    )


@require_http_methods(["GET", "POST"])
def table_delete(request, pk):
    table = get_table_for(request, pk, "dialogues.manage_series")
    meeting = table.meeting
    if request.method == "POST":
        name = str(table)
        planning.delete_table(table=table, actor=request.user)
        messages.success(request, _("%(table)s has been removed.") % {"table": name})
        return redirect("meeting-manage", pk=meeting.pk)
    placed = table.registrations.count()
    return render(
        request,
        "dialogues/table_delete.html",
        {"table": table, "meeting": meeting, "placed": placed},
    )


urlpatterns = [
    path("beheer/bijeenkomsten/<int:pk>/tafels/nieuw/", table_create, name="table-create"),
    path("beheer/tafels/<int:pk>/", table_edit, name="table-edit"),
    path("beheer/tafels/<int:pk>/verwijderen/", table_delete, name="table-delete"),
]
