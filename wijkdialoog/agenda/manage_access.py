"""Loaders for the organiser's agenda pages: fetch the object and check agenda.manage_agenda.

Someone logged in who works for the organisation without the right gets 403; anyone else 404,
so that another organisation cannot even learn that an agenda exists (as synthesis/access.py)."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from wijkdialoog.community.access import roles_by_organisation
from wijkdialoog.core.access import LoginRequired
from wijkdialoog.dialogues.models import Series

from .models import Agenda, AgendaItem, Statement

AGENDA_RELATED = ("series__organisation", "series__neighbourhood")


def check_manage(request: HttpRequest, subject: Any) -> None:
    if request.user.has_perm("agenda.manage_agenda", subject):
        return
    if not request.user.is_authenticated:
        raise LoginRequired
    if subject.organisation_id in roles_by_organisation(request.user):
        raise PermissionDenied
    raise Http404


def get_series_to_manage(request: HttpRequest, pk: int) -> Series:
    series = get_object_or_404(
        Series.objects.select_related("organisation", "neighbourhood"), pk=pk
    )
    check_manage(request, series)
    return series


def get_agenda_to_manage(request: HttpRequest, pk: int) -> Agenda:
    agenda = get_object_or_404(Agenda.objects.select_related(*AGENDA_RELATED), pk=pk)
    check_manage(request, agenda)
    return agenda


def get_statement_to_manage(request: HttpRequest, pk: int) -> Statement:
    statement = get_object_or_404(
        Statement.objects.select_related(*(f"agenda__{name}" for name in AGENDA_RELATED)), pk=pk
    )
    check_manage(request, statement.agenda)
    return statement


def get_item_to_manage(request: HttpRequest, pk: int) -> AgendaItem:
    item = get_object_or_404(
        AgendaItem.objects.select_related(*(f"agenda__{name}" for name in AGENDA_RELATED)), pk=pk
    )
    check_manage(request, item.agenda)
    return item
