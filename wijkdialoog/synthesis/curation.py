"""What an organiser decides about themes: make, rename and describe, merge, split, delete, and
move or confirm cards. Each is a person's decision the system never undoes: a theme a person
named is `curated`, a card a person placed is `confirmed`. Each change refreshes the theme
vectors, so that the next new card is sorted by what the organiser decided."""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from wijkdialoog.core import audit
from wijkdialoog.dialogues.models import Series
from wijkdialoog.harvest.models import Card

from .models import CardTheme, Theme
from .sorting import refresh_theme_vectors, theme_cards

THEME_FIELDS = ("name", "name_en", "description", "description_en")


def _locked(theme: Theme) -> Theme:
    return Theme.objects.select_for_update().select_related("series").get(pk=theme.pk)


def _next_position(series: Series) -> int:
    return (series.themes.aggregate(top=Max("position"))["top"] or 0) + 1


def _check_cards(series: Series, cards: Iterable[Card]) -> list[int]:
    ids = [card.pk for card in cards]
    found = set(theme_cards(series).filter(pk__in=ids).values_list("pk", flat=True))
    if len(found) != len(set(ids)):
        raise ValidationError(_("Choose cards of this dialogue series."), code="card")
    return ids


def _place(series: Series, card_ids: list[int], theme: Theme | None, actor: Any) -> None:
    """Put these cards in `theme` (None: unsorted) as a person's decision."""
    user = actor if getattr(actor, "is_authenticated", False) else None
    values = {"theme": theme, "confidence": None, "confirmed": True, "confirmed_by": user}
    CardTheme.objects.filter(card_id__in=card_ids).update(series=series, **values)
    existing = set(CardTheme.objects.filter(card_id__in=card_ids).values_list("card_id", flat=True))
    CardTheme.objects.bulk_create(
        CardTheme(card_id=pk, series=series, **values) for pk in card_ids if pk not in existing
    )


@transaction.atomic
def create_theme(*, series: Series, actor: Any, **fields: str) -> Theme:
    """A theme the organiser names: new cards are sorted into it by its description."""
    theme = Theme.objects.create(
        series=series,
        position=_next_position(series),
        curated=True,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        **{name: (fields.get(name) or "").strip() for name in THEME_FIELDS},
    )
    refresh_theme_vectors(series)
    audit.record(actor=actor, action="theme.created", subject=theme, payload={})
    return theme


@transaction.atomic
def update_theme(*, theme: Theme, actor: Any, **changes: str) -> Theme:
    """Rename or describe a theme; from now on a new suggestion leaves it as it is."""
    theme = _locked(theme)
    changed = [
        name for name in THEME_FIELDS if name in changes and changes[name] != getattr(theme, name)
    ]
    for name in changed:
        setattr(theme, name, (changes[name] or "").strip())
    theme.curated = True
    theme.save(update_fields=[*changed, "curated", "updated_at"])
    refresh_theme_vectors(theme.series)
    audit.record(actor=actor, action="theme.changed", subject=theme, payload={"fields": changed})
    return theme


@transaction.atomic
def merge_themes(*, theme: Theme, into: Theme, actor: Any) -> Theme:
    """Move every card of `theme` into `into` (confirmed cards stay confirmed); `theme` goes."""
    theme, into = _locked(theme), _locked(into)
    if theme.series_id != into.series_id or theme.pk == into.pk:
        raise ValidationError({"into": _("Choose another theme of this dialogue series.")})
    moved = CardTheme.objects.filter(theme=theme).update(theme=into)
    if theme.central_card_id and not into.central_card_id:
        into.central_card_id = theme.central_card_id
        into.save(update_fields=["central_card", "updated_at"])
    audit.record(
        actor=actor,
        action="theme.merged",
        subject=into,
        payload={"merged": theme.pk, "name": theme.name, "cards": moved},
    )
    theme.delete()
    refresh_theme_vectors(into.series)
    return into


@transaction.atomic
def split_theme(*, theme: Theme, cards: Iterable[Card], actor: Any, **fields: str) -> Theme:
    """Move the chosen cards of `theme` into a new theme the organiser names (confirmed)."""
    theme = _locked(theme)
    ids = _check_cards(theme.series, cards)
    if not ids:
        raise ValidationError({"cards": _("Choose at least one card to move.")})
    in_theme = set(
        CardTheme.objects.filter(theme=theme, card_id__in=ids).values_list("card_id", flat=True)
    )
    if in_theme != set(ids):
        raise ValidationError({"cards": _("Choose cards of this theme.")})
    new = Theme.objects.create(
        series=theme.series,
        position=theme.position,
        curated=True,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        **{name: (fields.get(name) or "").strip() for name in THEME_FIELDS},
    )
    _place(theme.series, ids, new, actor)
    refresh_theme_vectors(theme.series)
    audit.record(
        actor=actor,
        action="theme.split",
        subject=new,
        payload={"from": theme.pk, "cards": len(ids)},
    )
    return new


@transaction.atomic
def delete_theme(*, theme: Theme, actor: Any) -> Series:
    """Delete a theme: its cards become unsorted and unconfirmed (the next sort places them)."""
    theme = _locked(theme)
    series = theme.series
    released = CardTheme.objects.filter(theme=theme).update(
        theme=None, confidence=None, confirmed=False, confirmed_by=None
    )
    audit.record(
        actor=actor,
        action="theme.deleted",
        subject=series,
        payload={"theme": theme.pk, "name": theme.name, "cards": released},
    )
    theme.delete()
    refresh_theme_vectors(series)
    return series


@transaction.atomic
def move_card(*, series: Series, card: Card, theme: Theme | None, actor: Any) -> None:
    """A person places a card in a theme, or in "nog niet ingedeeld" (None): confirmed."""
    _check_cards(series, [card])
    if theme is not None and theme.series_id != series.pk:
        raise ValidationError({"theme": _("Choose a theme of this dialogue series.")})
    _place(series, [card.pk], theme, actor)
    refresh_theme_vectors(series)
    audit.record(
        actor=actor,
        action="theme.card_moved",
        subject=card,
        payload={"series": series.pk, "theme": theme.pk if theme else None},
    )


@transaction.atomic
def confirm_theme(*, theme: Theme, actor: Any) -> int:
    """Confirm every card the system put in this theme: from now on they stay there."""
    theme = _locked(theme)
    user = actor if getattr(actor, "is_authenticated", False) else None
    count = CardTheme.objects.filter(theme=theme, confirmed=False).update(
        confirmed=True, confirmed_by=user
    )
    refresh_theme_vectors(theme.series)
    audit.record(actor=actor, action="theme.confirmed", subject=theme, payload={"cards": count})
    return count
