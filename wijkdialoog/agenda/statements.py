"""The organiser's work on an agenda's statements: make them (from themes and cards), moderate
residents' proposals and merge duplicates. Every change is audited."""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils.translation import gettext as _

from wijkdialoog.core import audit
from wijkdialoog.dialogues.models import Series
from wijkdialoog.harvest.models import Card
from wijkdialoog.methods.kinds import CardKind
from wijkdialoog.synthesis.models import Theme

from .models import Agenda, Statement, Vote

SOURCE_KINDS = (CardKind.NEED, CardKind.IDEA, CardKind.DREAM, CardKind.QUESTION)
AGENDA_FIELDS = (
    "title",
    "title_en",
    "introduction",
    "introduction_en",
    "opens_at",
    "closes_at",
    "allow_proposals",
)


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def source_cards(series: Series) -> QuerySet[Card]:
    """The cards a statement may come from: needs, ideas, dreams and questions of the series,
    internal ones included (organisers only; they are never shown in public)."""
    return (
        Card.objects.filter(meeting__series=series, kind__in=SOURCE_KINDS)
        .exclude(status=Card.Status.REJECTED)
        .select_related("meeting")
        .order_by("kind", "meeting__starts_at", "pk")
    )


def source_themes(series: Series) -> QuerySet[Theme]:
    return Theme.objects.filter(series=series).order_by("name", "pk")


@transaction.atomic
def create_agenda(*, series: Series, actor: Any, **fields: Any) -> Agenda:
    agenda = Agenda(series=series, created_by=_user(actor))
    for name in AGENDA_FIELDS:
        if name in fields:
            setattr(agenda, name, fields[name])
    agenda.full_clean()
    agenda.save()
    audit.record(actor=actor, action="agenda.created", subject=agenda)
    return agenda


@transaction.atomic
def update_agenda(*, agenda: Agenda, actor: Any, **fields: Any) -> Agenda:
    before = audit.snapshot(agenda, AGENDA_FIELDS)
    for name in AGENDA_FIELDS:
        if name in fields:
            setattr(agenda, name, fields[name])
    agenda.full_clean()
    agenda.save()
    changed = audit.changed_fields(agenda, before, AGENDA_FIELDS)
    audit.record(
        actor=actor, action="agenda.changed", subject=agenda, payload={"fields": sorted(changed)}
    )
    return agenda


def _next_number(agenda: Agenda) -> int:
    Agenda.objects.select_for_update().filter(pk=agenda.pk).first()
    newest = agenda.statements.aggregate(newest=Max("number"))["newest"]
    return (newest or 0) + 1


@transaction.atomic
def add_statement(
    *,
    agenda: Agenda,
    actor: Any,
    text: str,
    text_en: str = "",
    cards: Iterable[Card] = (),
    themes: Iterable[Theme] = (),
) -> Statement:
    """A statement by the organiser, in the vote at once; cards and themes are its sources
    (they must belong to the agenda's series)."""
    cards, themes = list(cards), list(themes)
    if any(card.meeting.series_id != agenda.series_id for card in cards) or any(
        theme.series_id != agenda.series_id for theme in themes
    ):
        raise ValidationError(_("A source must come from this series."), code="foreign_source")
    statement = Statement(
        agenda=agenda,
        number=_next_number(agenda),
        text=text.strip(),
        text_en=text_en.strip(),
        origin=Statement.Origin.ORGANISER,
        status=Statement.Status.ACCEPTED,
        created_by=_user(actor),
    )
    statement.full_clean()
    statement.save()
    statement.source_cards.set(cards)
    statement.source_themes.set(themes)
    audit.record(
        actor=actor,
        action="agenda.statement_added",
        subject=agenda,
        payload={"number": statement.number, "cards": len(cards), "themes": len(themes)},
    )
    return statement


@transaction.atomic
def edit_statement(*, statement: Statement, actor: Any, text: str, text_en: str = "") -> Statement:
    statement.text, statement.text_en = text.strip(), text_en.strip()
    statement.full_clean()
    statement.save(update_fields=["text", "text_en", "updated_at"])
    audit.record(
        actor=actor,
        action="agenda.statement_changed",
        subject=statement.agenda,
        payload={"number": statement.number},
    )
    return statement


@transaction.atomic
def moderate(*, statement: Statement, actor: Any, accept: bool) -> Statement:
    """Accept a proposal (others can vote on it) or reject it (moderated out, as in Polis)."""
    statement.status = Statement.Status.ACCEPTED if accept else Statement.Status.REJECTED
    statement.save(update_fields=["status", "updated_at"])
    audit.record(
        actor=actor,
        action="agenda.statement_accepted" if accept else "agenda.statement_rejected",
        subject=statement.agenda,
        payload={"number": statement.number},
    )
    return statement


@transaction.atomic
def merge_statements(*, statement: Statement, into: Statement, actor: Any) -> int:
    """Statement A goes into B: A is moderated out and points to B; a vote on A moves to B when
    that voter has not voted on B. Returns how many votes moved."""
    if into.agenda_id != statement.agenda_id or into.pk == statement.pk:
        raise ValidationError(_("Choose another statement of this agenda."), code="bad_merge")
    if into.status == Statement.Status.REJECTED:
        raise ValidationError(_("You cannot merge into a rejected statement."), code="rejected")
    voted_on_b = Vote.objects.filter(statement=into).values("voter_id")
    moved = (
        Vote.objects.filter(statement=statement)
        .exclude(voter_id__in=voted_on_b)
        .update(statement=into)
    )
    statement.status = Statement.Status.REJECTED
    statement.merged_into = into
    statement.save(update_fields=["status", "merged_into", "updated_at"])
    audit.record(
        actor=actor,
        action="agenda.statements_merged",
        subject=statement.agenda,
        payload={"number": statement.number, "into": into.number, "votes_moved": moved},
    )
    return moved
