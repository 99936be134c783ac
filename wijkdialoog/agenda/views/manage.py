"""The organiser's agenda pages: make an agenda, its statements (also from themes and cards),
moderate residents' proposals and merge duplicates."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wijkdialoog.core.forms import show_domain_error
from wijkdialoog.harvest.models import Card
from wijkdialoog.synthesis.models import Theme

from .. import announcing, statements
from ..manage_access import get_agenda_to_manage, get_series_to_manage, get_statement_to_manage
from ..manage_forms import AgendaForm, MergeForm, SourcedStatementForm, StatementForm
from ..models import Agenda, Statement


@require_http_methods(["GET", "POST"])
def agenda_create(request: HttpRequest, pk: int) -> HttpResponse:
    series = get_series_to_manage(request, pk)
    form = AgendaForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in statements.AGENDA_FIELDS}
        agenda = statements.create_agenda(series=series, actor=request.user, **data)
        messages.success(request, _("The agenda has been made. Now add statements."))
        return redirect("agenda-manage", pk=agenda.pk)
    status = 400 if form.is_bound else 200
    context = {"series": series, "form": form}
    return render(request, "agenda/agenda_create.html", context, status=status)


def _statements(agenda: Agenda) -> list[Statement]:
    return list(
        agenda.statements.select_related("merged_into")
        .annotate(vote_count=Count("votes"))
        .prefetch_related(
            Prefetch("source_cards", queryset=Card.objects.select_related("meeting")),
            Prefetch("source_themes", queryset=Theme.objects.all()),
        )
    )


def _agenda_page(request: HttpRequest, agenda: Agenda, **forms: Any) -> HttpResponse:
    rows = _statements(agenda)
    context = {
        "agenda": agenda,
        "series": agenda.series,
        "accepted": [row for row in rows if row.status == Statement.Status.ACCEPTED],
        "pending": [row for row in rows if row.status == Statement.Status.PENDING],
        "rejected": [row for row in rows if row.status == Statement.Status.REJECTED],
        "statement_form": forms.get("statement_form") or StatementForm(prefix="new"),
        "agenda_form": forms.get("agenda_form") or AgendaForm(instance=agenda, prefix="agenda"),
        # The same address as on the posters and in the mail (SITE_URL), not this request's host.
        "public_url": announcing.vote_url(agenda),
    }
    return render(request, "agenda/agenda_manage.html", context, status=forms.get("status", 200))


@require_http_methods(["GET"])
def agenda_manage(request: HttpRequest, pk: int) -> HttpResponse:
    return _agenda_page(request, get_agenda_to_manage(request, pk))


@require_POST
def agenda_edit(request: HttpRequest, pk: int) -> HttpResponse:
    agenda = get_agenda_to_manage(request, pk)
    form = AgendaForm(request.POST, instance=Agenda.objects.get(pk=agenda.pk), prefix="agenda")
    if form.is_valid():
        data = {name: form.cleaned_data[name] for name in statements.AGENDA_FIELDS}
        statements.update_agenda(agenda=agenda, actor=request.user, **data)
        messages.success(request, _("The agenda has been saved."))
        return redirect("agenda-manage", pk=agenda.pk)
    return _agenda_page(request, agenda, agenda_form=form, status=400)


@require_POST
def statement_add(request: HttpRequest, pk: int) -> HttpResponse:
    agenda = get_agenda_to_manage(request, pk)
    form = StatementForm(request.POST, prefix="new")
    if form.is_valid():
        statements.add_statement(agenda=agenda, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The statement has been added."))
        return redirect("agenda-manage", pk=agenda.pk)
    return _agenda_page(request, agenda, statement_form=form, status=400)


@require_http_methods(["GET", "POST"])
def statement_from_sources(request: HttpRequest, pk: int) -> HttpResponse:
    agenda = get_agenda_to_manage(request, pk)
    form = SourcedStatementForm(request.POST or None, agenda=agenda)
    if request.method == "POST" and form.is_valid():
        try:
            statements.add_statement(agenda=agenda, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_domain_error(form, error)
        else:
            messages.success(request, _("The statement has been added with its sources."))
            return redirect("agenda-manage", pk=agenda.pk)
    status = 400 if form.is_bound else 200
    context = {"agenda": agenda, "series": agenda.series, "form": form}
    return render(request, "agenda/statement_sources.html", context, status=status)


def _statement_page(request: HttpRequest, statement: Statement, **forms: Any) -> HttpResponse:
    context = {
        "agenda": statement.agenda,
        "series": statement.agenda.series,
        "statement": statement,
        "edit_form": forms.get("edit_form") or StatementForm(instance=statement, prefix="edit"),
        "merge_form": forms.get("merge_form") or MergeForm(statement=statement, prefix="merge"),
    }
    return render(request, "agenda/statement_edit.html", context, status=forms.get("status", 200))


@require_http_methods(["GET", "POST"])
def statement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    statement = get_statement_to_manage(request, pk)
    if request.method == "GET":
        return _statement_page(request, statement)
    form = StatementForm(
        request.POST, instance=Statement.objects.get(pk=statement.pk), prefix="edit"
    )
    if form.is_valid():
        statements.edit_statement(statement=statement, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The statement has been saved."))
        return redirect("agenda-manage", pk=statement.agenda_id)
    return _statement_page(request, statement, edit_form=form, status=400)


@require_POST
def statement_merge(request: HttpRequest, pk: int) -> HttpResponse:
    statement = get_statement_to_manage(request, pk)
    form = MergeForm(request.POST, statement=statement, prefix="merge")
    if form.is_valid():
        try:
            moved = statements.merge_statements(
                statement=statement, into=form.cleaned_data["into"], actor=request.user
            )
        except ValidationError as error:
            show_domain_error(form, error, field="into")
        else:
            messages.success(
                request,
                _("The statements have been merged; %(count)s votes moved.") % {"count": moved},
            )
            return redirect("agenda-manage", pk=statement.agenda_id)
    return _statement_page(request, statement, merge_form=form, status=400)


@require_POST
def statement_moderate(request: HttpRequest, pk: int) -> HttpResponse:
    statement = get_statement_to_manage(request, pk)
    accept = request.POST.get("decision") == "accept"
    statements.moderate(statement=statement, actor=request.user, accept=accept)
    if accept:
        messages.success(request, _("The proposal is now in the vote."))
    else:
        messages.success(request, _("The proposal has been rejected."))
    return redirect("agenda-manage", pk=statement.agenda_id)


urlpatterns = [
    path("beheer/wijkdialogen/<int:pk>/agenda/nieuw/", agenda_create, name="agenda-create"),
    path("beheer/agendas/<int:pk>/", agenda_manage, name="agenda-manage"),
    path("beheer/agendas/<int:pk>/wijzigen/", agenda_edit, name="agenda-edit"),
    path("beheer/agendas/<int:pk>/stellingen/", statement_add, name="statement-add"),
    path(
        "beheer/agendas/<int:pk>/stellingen/uit-de-oogst/",
        statement_from_sources,
        name="statement-from-sources",
    ),
    path("beheer/stellingen/<int:pk>/", statement_edit, name="statement-edit"),
    path("beheer/stellingen/<int:pk>/samenvoegen/", statement_merge, name="statement-merge"),
    path("beheer/stellingen/<int:pk>/beoordelen/", statement_moderate, name="statement-moderate"),
]
