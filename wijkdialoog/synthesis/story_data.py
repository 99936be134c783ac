"""The data the codes in a story show, for one series or many at once (the neighbourhood page),
in a fixed number of queries: at most one per kind of code that the stories use.

What may be public is decided here: a quote only from a highlight marked for public use whose
card is still in `Card.objects.public()`, with a first name only where `Card.name_in_public`
allows; a theme only by its name, description and number of cards.
"""

from collections.abc import Iterable, Mapping
from typing import Any

from django.db.models import Count, Q

from wijkdialoog.dialogues.bilingual import public_text
from wijkdialoog.harvest.models import Card, TableRun
from wijkdialoog.methods.kinds import CardKind
from wijkdialoog.registrations.models import Registration

from .highlights import public_highlights_of
from .models import Highlight, Theme
from .story_text import Figures, QuoteInfo, References, StoryData, ThemeInfo

# Cards that count: approved, and no personal action its owner keeps to themselves.
COUNTED = Q(status=Card.Status.APPROVED) & ~Q(kind=CardKind.PERSONAL_ACTION, shared=False)


def _per_series(rows: Iterable[Mapping[str, Any]], key: str) -> dict[int, int]:
    return {int(row[key]): int(row["n"]) for row in rows}


def figures(series_ids: list[int]) -> dict[int, Figures]:
    """Cards (public and internal), tables that ran and people who were checked in (each
    person once per series), per series: three queries."""
    cards = _per_series(
        Card.objects.filter(COUNTED, meeting__series_id__in=series_ids)
        .order_by()
        .values("meeting__series_id")
        .annotate(n=Count("pk")),
        "meeting__series_id",
    )
    tables = _per_series(
        TableRun.objects.filter(table__meeting__series_id__in=series_ids, started_at__isnull=False)
        .order_by()
        .values("table__meeting__series_id")
        .annotate(n=Count("pk")),
        "table__meeting__series_id",
    )
    people = _per_series(
        Registration.objects.filter(
            meeting__series_id__in=series_ids,
            status=Registration.Status.CONFIRMED,
            checked_in_at__isnull=False,
        )
        .order_by()
        .values("meeting__series_id")
        .annotate(n=Count("person", distinct=True)),
        "meeting__series_id",
    )
    return {
        pk: Figures(cards.get(pk, 0), tables.get(pk, 0), people.get(pk, 0)) for pk in series_ids
    }


def _themes(pks: set[int], series_ids: list[int]) -> dict[int, tuple[int, ThemeInfo]]:
    counted = Q(card_links__card__status=Card.Status.APPROVED) & ~Q(
        card_links__card__kind=CardKind.PERSONAL_ACTION, card_links__card__shared=False
    )
    themes = (
        Theme.objects.filter(pk__in=pks, series_id__in=series_ids)
        .annotate(card_count=Count("card_links", filter=counted))
        .order_by()
    )
    return {
        theme.pk: (
            theme.series_id,
            ThemeInfo(
                name=public_text(theme, "name"),
                description=public_text(theme, "description"),
                card_count=theme.card_count,
            ),
        )
        for theme in themes
    }


def _quotes(pks: set[int], series_ids: list[int]) -> dict[int, tuple[int, QuoteInfo]]:
    rows = (
        public_highlights_of(series_ids)
        .filter(pk__in=pks)
        .order_by()
        .values_list("pk", "series_id", "card__text", "card__publication", "card__first_name")
    )
    return {
        pk: (
            series_id,
            QuoteInfo(
                text=text,
                name=Card.name_in_public(publication=publication, first_name=first_name),
            ),
        )
        for pk, series_id, text, publication, first_name in rows
    }


def story_data(wanted: dict[int, References], *, preview: bool = False) -> dict[int, StoryData]:
    """The data for the stories of these series (series id → the codes its texts use).
    With `preview`, also which referred highlights exist but may not be shown in public."""
    series_ids = list(wanted)
    every = References()
    for found in wanted.values():
        every = every | found
    result = {pk: StoryData() for pk in series_ids}
    if not series_ids:
        return result
    if any(found.figures for found in wanted.values()):
        for pk, numbers in figures(series_ids).items():
            result[pk].figures = numbers
    if every.themes:
        for pk, (series_id, theme) in _themes(every.themes, series_ids).items():
            result[series_id].themes[pk] = theme
    if every.quotes:
        for pk, (series_id, quote) in _quotes(every.quotes, series_ids).items():
            result[series_id].quotes[pk] = quote
        if preview:
            hidden = Highlight.objects.filter(pk__in=every.quotes, series_id__in=series_ids)
            for pk, series_id in hidden.values_list("pk", "series_id"):
                if pk not in result[series_id].quotes:
                    result[series_id].hidden_quotes.add(pk)
    return result
