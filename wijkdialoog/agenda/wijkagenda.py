"""Composing the wijkagenda from the results: items in order, with why, and for a divisive item
the Deep Democracy step; publishing it on the neighbourhood page. Every change is audited."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkdialoog.core import audit

from .models import Agenda, AgendaItem, Analysis, Statement
from .results import support_text

ITEM_FIELDS = (
    "title",
    "title_en",
    "why",
    "why_en",
    "divisive",
    "minority_view",
    "minority_view_en",
    "minority_needs",
    "minority_needs_en",
    "minority_recorded_at",
)


def is_divisive(agenda: Agenda, statement: Statement) -> bool:
    analysis = Analysis.objects.filter(agenda=agenda).first()
    return analysis is not None and statement.number in analysis.result.get("divisive", [])[:5]


@transaction.atomic
def add_item(
    *, agenda: Agenda, actor: Any, statement: Statement | None = None, title: str = ""
) -> AgendaItem:
    """An item from a statement (title, why and divisive prefilled from the results) or free."""
    if statement is not None and statement.agenda_id != agenda.pk:
        raise ValidationError(_("Choose a statement of this agenda."), code="foreign")
    Agenda.objects.select_for_update().filter(pk=agenda.pk).first()
    last = agenda.items.aggregate(last=Max("position"))["last"]
    item = AgendaItem(agenda=agenda, position=(last or 0) + 1, statement=statement)
    if statement is not None:
        item.title = title or statement.text
        item.title_en = statement.text_en
        item.why = support_text(agenda, statement)
        item.divisive = is_divisive(agenda, statement)
    else:
        item.title = title
    item.full_clean()
    item.save()
    audit.record(actor=actor, action="agenda.item_added", subject=agenda, payload={"item": item.pk})
    return item


@transaction.atomic
def update_item(*, item: AgendaItem, actor: Any, **fields: Any) -> AgendaItem:
    before = audit.snapshot(item, ITEM_FIELDS)
    for name in ITEM_FIELDS:
        if name in fields:
            setattr(item, name, fields[name])
    item.full_clean()
    item.save()
    changed = audit.changed_fields(item, before, ITEM_FIELDS)
    audit.record(
        actor=actor,
        action="agenda.item_changed",
        subject=item.agenda,
        payload={"item": item.pk, "fields": sorted(changed)},
    )
    return item


@transaction.atomic
def move_item(*, item: AgendaItem, actor: Any, up: bool) -> None:
    """Swap places with the item above (or below); positions are renumbered 1, 2, 3 ..."""
    items = list(AgendaItem.objects.select_for_update().filter(agenda_id=item.agenda_id))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = index - 1 if up else index + 1
    if 0 <= target < len(items):
        items[index], items[target] = items[target], items[index]
    for position, other in enumerate(items, start=1):
        if other.position != position:
            other.position = position
            other.save(update_fields=["position"])
    audit.record(
        actor=actor,
        action="agenda.item_moved",
        subject=item.agenda,
        payload={"item": item.pk, "up": up},
    )


@transaction.atomic
def remove_item(*, item: AgendaItem, actor: Any) -> None:
    agenda = item.agenda
    audit.record(
        actor=actor, action="agenda.item_removed", subject=agenda, payload={"item": item.pk}
    )
    item.delete()


@transaction.atomic
def publish(*, agenda: Agenda, actor: Any) -> Agenda:
    if not agenda.items.exists():
        raise ValidationError(_("Add at least one priority before you publish."), code="empty")
    agenda.published_at = timezone.now()
    agenda.save(update_fields=["published_at", "updated_at"])
    audit.record(actor=actor, action="agenda.published", subject=agenda)
    return agenda


@transaction.atomic
def unpublish(*, agenda: Agenda, actor: Any) -> Agenda:
    agenda.published_at = None
    agenda.save(update_fields=["published_at", "updated_at"])
    audit.record(actor=actor, action="agenda.unpublished", subject=agenda)
    return agenda


def published_agendas(neighbourhood: Any) -> QuerySet[Agenda]:
    return (
        Agenda.objects.filter(series__neighbourhood=neighbourhood, published_at__lte=timezone.now())
        .select_related("series__organisation", "series__neighbourhood")
        .order_by("-published_at")
    )
