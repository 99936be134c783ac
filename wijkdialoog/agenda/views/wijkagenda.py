"""Composing the wijkagenda (organiser) and the published wijkagenda (everyone): a page to read
and print in Dutch and English, and an A4 PDF."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wijkdialoog.core import pdf

from .. import wijkagenda
from ..manage_access import AGENDA_RELATED, get_agenda_to_manage, get_item_to_manage
from ..manage_forms import ItemForm
from ..models import Agenda, AgendaItem, Statement


def _compose_page(request: HttpRequest, agenda: Agenda, **extra: Any) -> HttpResponse:
    used = set(agenda.items.values_list("statement_id", flat=True))
    context = {
        "agenda": agenda,
        "series": agenda.series,
        "items": list(agenda.items.all()),
        "candidates": [
            statement
            for statement in agenda.statements.filter(status=Statement.Status.ACCEPTED)
            if statement.pk not in used
        ],
        "error": extra.get("error", ""),
    }
    return render(
        request, "agenda/wijkagenda_compose.html", context, status=extra.get("status", 200)
    )


@require_GET
def compose(request: HttpRequest, pk: int) -> HttpResponse:
    return _compose_page(request, get_agenda_to_manage(request, pk))


@require_POST
def item_add(request: HttpRequest, pk: int) -> HttpResponse:
    agenda = get_agenda_to_manage(request, pk)
    statement = agenda.statements.filter(pk=request.POST.get("statement") or 0).first()
    title = request.POST.get("title", "").strip()
    if statement is None and not title:
        return _compose_page(
            request, agenda, error=_("Choose a statement or write a priority."), status=400
        )
    try:
        item = wijkagenda.add_item(
            agenda=agenda, actor=request.user, statement=statement, title=title
        )
    except ValidationError as error:
        return _compose_page(request, agenda, error=" ".join(error.messages), status=400)
    messages.success(request, _("The priority has been added. Check why, and save."))
    return redirect("agenda-item-edit", pk=item.pk)


@require_http_methods(["GET", "POST"])
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_item_to_manage(request, pk)
    form = ItemForm(request.POST or None, instance=AgendaItem.objects.get(pk=item.pk))
    if request.method == "POST" and form.is_valid():
        wijkagenda.update_item(item=item, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The priority has been saved."))
        return redirect("wijkagenda-compose", pk=item.agenda_id)
    status = 400 if form.is_bound else 200
    context = {"item": item, "agenda": item.agenda, "form": form}
    return render(request, "agenda/item_edit.html", context, status=status)


@require_POST
def item_move(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_item_to_manage(request, pk)
    wijkagenda.move_item(item=item, actor=request.user, up=request.POST.get("direction") == "up")
    return redirect(f"/beheer/agendas/{item.agenda_id}/wijkagenda/#item-{item.pk}")


@require_POST
def item_remove(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_item_to_manage(request, pk)
    wijkagenda.remove_item(item=item, actor=request.user)
    messages.success(request, _("The priority has been removed."))
    return redirect("wijkagenda-compose", pk=item.agenda_id)


@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    agenda = get_agenda_to_manage(request, pk)
    if request.POST.get("action") == "unpublish":
        wijkagenda.unpublish(agenda=agenda, actor=request.user)
        messages.success(request, _("The wijkagenda is offline."))
        return redirect("wijkagenda-compose", pk=agenda.pk)
    try:
        wijkagenda.publish(agenda=agenda, actor=request.user)
    except ValidationError as error:
        return _compose_page(request, agenda, error=" ".join(error.messages), status=400)
    messages.success(request, _("The wijkagenda is published on the neighbourhood page."))
    return redirect("wijkagenda-compose", pk=agenda.pk)


def _published(organisation: str, neighbourhood: str, pk: int) -> Agenda:
    return get_object_or_404(
        Agenda.objects.select_related(*AGENDA_RELATED),
        pk=pk,
        series__organisation__slug=organisation,
        series__neighbourhood__slug=neighbourhood,
        published_at__lte=timezone.now(),
    )


@require_GET
def public(request: HttpRequest, organisation: str, neighbourhood: str, pk: int) -> HttpResponse:
    agenda = _published(organisation, neighbourhood, pk)
    context = {
        "agenda": agenda,
        "items": list(agenda.items.all()),
        "neighbourhood": agenda.series.neighbourhood,
    }
    return render(request, "agenda/wijkagenda_public.html", context)


@require_GET
def public_pdf(
    request: HttpRequest, organisation: str, neighbourhood: str, pk: int
) -> HttpResponse:
    agenda = _published(organisation, neighbourhood, pk)
    content = pdf.render(
        "agenda/wijkagenda_pdf.html",
        {
            "agenda": agenda,
            "items": list(agenda.items.all()),
            "neighbourhood": agenda.series.neighbourhood,
        },
    )
    name = slugify(f"wijkagenda {agenda.series.neighbourhood.name} {agenda.pk}")
    return pdf.response(content, f"{name}.pdf", download=True)


urlpatterns = [
    path("beheer/agendas/<int:pk>/wijkagenda/", compose, name="wijkagenda-compose"),
    path("beheer/agendas/<int:pk>/wijkagenda/punt/", item_add, name="agenda-item-add"),
    path("beheer/agendas/<int:pk>/wijkagenda/publiceren/", publish, name="wijkagenda-publish"),
    path("beheer/agendapunten/<int:pk>/", item_edit, name="agenda-item-edit"),
    path("beheer/agendapunten/<int:pk>/verplaatsen/", item_move, name="agenda-item-move"),
    path("beheer/agendapunten/<int:pk>/weghalen/", item_remove, name="agenda-item-remove"),
    path(
        "wijk/<slug:organisation>/<slug:neighbourhood>/agenda/<int:pk>/",
        public,
        name="wijkagenda-public",
    ),
    path(
        "wijk/<slug:organisation>/<slug:neighbourhood>/agenda/<int:pk>/pdf/",
        public_pdf,
        name="wijkagenda-pdf",
    ),
]
