"""Finding a series' themes and sorting its cards into them (the engine, on stored vectors).

- `suggest_themes`: the system proposes themes for the cards no person decided on yet.
- `sort_cards`: every card a person did not confirm goes to the nearest theme, or stays unsorted
  ("nog niet ingedeeld") when no theme is near enough.
- `assign_new_card`: the same for one card, right after its vector is stored, from what the last
  full sort kept (`SeriesSpace` and `Theme.vector`), so it reads a handful of rows.

Human decisions are never undone here: a confirmed card keeps its theme and a curated theme
keeps its name, description and cards.

A theme's vector is its name and description plus example cards: the cards a person confirmed
in it or, while there are none, the cards it holds now (so that a suggestion or a theme that was
only renamed keeps describing the cards the organiser saw in it).
"""

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Q, QuerySet
from django.utils.translation import gettext as _

from wijkdialoog.core import audit
from wijkdialoog.dialogues.models import Series
from wijkdialoog.harvest.models import Card
from wijkdialoog.methods.kinds import CardKind

from .engine import embedding, themes
from .models import CardTheme, SeriesSpace, Theme
from .vectors import embed_missing, load_vectors

# Fewer cards than this give no useful suggestions.
MIN_CARDS = 6
# Below this confidence a page marks a card's place as doubtful.
LOW_CONFIDENCE = themes.THRESHOLD + 0.1


def eligible(cards: QuerySet[Card]) -> QuerySet[Card]:
    """The cards themes are made of: approved ones (internal included), never a personal action
    its owner keeps to themselves."""
    return cards.filter(status=Card.Status.APPROVED).exclude(
        kind=CardKind.PERSONAL_ACTION, shared=False
    )


def theme_cards(series: Series | int) -> QuerySet[Card]:
    """The cards of a series that themes are made of (see `eligible`)."""
    series_id = series if isinstance(series, int) else series.pk
    return eligible(Card.objects.filter(meeting__series_id=series_id))


def theme_text(theme: Theme) -> str:
    return ". ".join(part for part in (theme.name.strip(), theme.description.strip()) if part)


def _matrix(vectors: dict[int, np.ndarray], ids: list[int]) -> np.ndarray:
    if not ids:
        return np.zeros((0, embedding.DIMENSIONS), dtype=np.float32)
    return np.vstack([vectors[pk] for pk in ids])


def fit_space(series: Series, vectors: dict[int, np.ndarray]) -> themes.Space:
    """Fit the series' centre on these card vectors and keep it for `assign_new_card`."""
    space = themes.Space.fit(_matrix(vectors, list(vectors)))
    SeriesSpace.objects.update_or_create(
        series=series,
        defaults={
            "model": embedding.MODEL_ID,
            "mean": embedding.to_bytes(space.mean),
            "card_count": len(vectors),
        },
    )
    return space


def stored_space(series_id: int) -> themes.Space | None:
    row = SeriesSpace.objects.filter(series_id=series_id, model=embedding.MODEL_ID).first()
    return themes.Space(embedding.from_bytes(row.mean)) if row else None


def _embed_descriptions(theme_list: list[Theme]) -> None:
    stale = [
        theme
        for theme in theme_list
        if theme.description_vector is None
        or theme.description_hash != embedding.text_hash(theme_text(theme))
    ]
    matrix = embedding.embed([theme_text(theme) for theme in stale])
    for theme, row in zip(stale, matrix, strict=True):
        theme.description_vector = embedding.to_bytes(row)
        theme.description_hash = embedding.text_hash(theme_text(theme))


def refresh_theme_vectors(series: Series, space: themes.Space | None = None) -> list[Theme]:
    """Compute every theme's vector again (after a sort or a person's change) and store it."""
    space = space or stored_space(series.pk)
    if space is None:
        cards = theme_cards(series)
        embed_missing(cards)
        space = fit_space(series, load_vectors(cards.values_list("pk", flat=True)))
    theme_list = list(Theme.objects.filter(series=series))
    _embed_descriptions(theme_list)
    members: dict[int, list[int]] = {}
    confirmed: dict[int, list[int]] = {}
    links = CardTheme.objects.filter(
        theme__in=theme_list, card__in=theme_cards(series)
    ).values_list("theme_id", "card_id", "confirmed")
    for theme_id, card_id, is_confirmed in links:
        members.setdefault(theme_id, []).append(card_id)
        if is_confirmed:
            confirmed.setdefault(theme_id, []).append(card_id)
    vectors = load_vectors([pk for ids in members.values() for pk in ids])
    for theme in theme_list:
        examples = [
            pk for pk in confirmed.get(theme.pk) or members.get(theme.pk, []) if pk in vectors
        ]
        description = space.project(embedding.from_bytes(theme.description_vector or b""))
        points = space.project(_matrix(vectors, examples)) if examples else None
        theme.vector = embedding.to_bytes(themes.theme_vector(description, points))
    Theme.objects.bulk_update(
        theme_list, ["description_vector", "description_hash", "vector"], batch_size=200
    )
    return theme_list


def _theme_matrix(theme_list: list[Theme]) -> np.ndarray:
    return np.vstack([embedding.from_bytes(theme.vector or b"") for theme in theme_list])


def _save_links(series: Series, rows: Mapping[int, tuple[int | None, float | None]]) -> None:
    """Store where the system put these cards (never touching a confirmed card)."""
    confirmed = set(
        CardTheme.objects.filter(card_id__in=list(rows), confirmed=True).values_list(
            "card_id", flat=True
        )
    )
    links = [
        CardTheme(card_id=card_id, series=series, theme_id=theme_id, confidence=confidence)
        for card_id, (theme_id, confidence) in rows.items()
        if card_id not in confirmed
    ]
    CardTheme.objects.bulk_create(
        links,
        update_conflicts=True,
        unique_fields=["card"],
        update_fields=["series", "theme", "confidence", "updated_at"],
        batch_size=500,
    )


def _new_theme_name(suggestion: themes.Suggestion) -> str:
    name = suggestion.name or _("Theme")
    return (name[:1].upper() + name[1:])[:120]


def _pool(series: Series, vectors: dict[int, np.ndarray]) -> list[tuple[int, str]]:
    """The cards a suggestion is for: not confirmed, not in a curated theme, with a vector."""
    decided = CardTheme.objects.filter(series=series).filter(
        Q(confirmed=True) | Q(theme__curated=True)
    )
    cards = theme_cards(series).exclude(pk__in=decided.values("card_id"))
    pool = [(pk, text) for pk, text in cards.values_list("pk", "text") if pk in vectors]
    if len(pool) < MIN_CARDS:
        raise ValidationError(
            _(
                "There are too few cards to suggest themes: %(count)s without a theme. "
                "At least %(minimum)s are needed."
            )
            % {"count": len(pool), "minimum": MIN_CARDS},
            code="too_few_cards",
        )
    return pool


def _replace_untouched(series: Series) -> int:
    """Delete earlier suggestions nobody touched (not renamed, no confirmed card)."""
    untouched = Theme.objects.filter(series=series, suggested=True, curated=False).exclude(
        card_links__confirmed=True
    )
    ids = list(untouched.values_list("pk", flat=True))
    Theme.objects.filter(pk__in=ids).delete()
    return len(ids)


@transaction.atomic
def suggest_themes(*, series: Series, actor: object, k: int | None = None) -> list[Theme]:
    """Propose themes for the cards that are not confirmed and not in a curated theme. Earlier
    suggestions nobody touched are replaced; curated themes and confirmed cards stay."""
    Series.objects.select_for_update().get(pk=series.pk)
    cards = theme_cards(series)
    embed_missing(cards)
    vectors = load_vectors(cards.values_list("pk", flat=True))
    pool = _pool(series, vectors)
    replaced = _replace_untouched(series)
    ids = [pk for pk, _text in pool]
    suggestions = themes.suggest(_matrix(vectors, ids), [text for _pk, text in pool], k=k)
    start = (series.themes.aggregate(top=Max("position"))["top"] or 0) + 1
    new_themes = Theme.objects.bulk_create(
        Theme(
            series=series,
            name=_new_theme_name(suggestion),
            keywords=suggestion.keywords,
            central_card_id=ids[suggestion.central],
            position=start + number,
            suggested=True,
        )
        for number, suggestion in enumerate(suggestions)
    )
    members = {
        ids[index]: theme.pk
        for theme, suggestion in zip(new_themes, suggestions, strict=True)
        for index in suggestion.indices
    }
    _save_links(series, {pk: (theme_id, None) for pk, theme_id in members.items()})
    space = fit_space(series, vectors)
    by_pk = {theme.pk: theme for theme in refresh_theme_vectors(series, space)}
    points = space.project(_matrix(vectors, list(members)))
    _save_links(
        series,
        {
            pk: (theme_id, float(point @ embedding.from_bytes(by_pk[theme_id].vector or b"")))
            for (pk, theme_id), point in zip(members.items(), points, strict=True)
        },
    )
    audit.record(
        actor=actor,
        action="themes.suggested",
        subject=series,
        payload={"themes": len(new_themes), "cards": len(pool), "replaced": replaced},
    )
    return new_themes


@dataclass(frozen=True)
class SortResult:
    sorted: int
    unsorted: int


@transaction.atomic
def sort_cards(*, series: Series, actor: object = None) -> SortResult:
    """Put every card no person confirmed into the nearest theme, or leave it unsorted."""
    Series.objects.select_for_update().get(pk=series.pk)
    cards = theme_cards(series)
    embed_missing(cards)
    ids = list(cards.values_list("pk", flat=True))
    vectors = load_vectors(ids)
    # Cards that left the pool (rejected, taken back by their owner) lose the system's place.
    CardTheme.objects.filter(series=series, confirmed=False).exclude(card_id__in=ids).delete()
    space = fit_space(series, vectors)
    theme_list = refresh_theme_vectors(series, space)
    confirmed = set(
        CardTheme.objects.filter(series=series, confirmed=True).values_list("card_id", flat=True)
    )
    to_sort = [pk for pk in ids if pk not in confirmed and pk in vectors]
    if theme_list and to_sort:
        results = themes.assign(space.project(_matrix(vectors, to_sort)), _theme_matrix(theme_list))
        rows = {
            pk: (None if result.theme is None else theme_list[result.theme].pk, result.confidence)
            for pk, result in zip(to_sort, results, strict=True)
        }
        _save_links(series, rows)
    else:
        rows = {}
    result = SortResult(
        sorted=sum(1 for theme_id, _confidence in rows.values() if theme_id is not None),
        unsorted=sum(1 for theme_id, _confidence in rows.values() if theme_id is None),
    )
    if actor is not None:
        audit.record(
            actor=actor,
            action="themes.sorted",
            subject=series,
            payload={"sorted": result.sorted, "unsorted": result.unsorted},
        )
    return result


def assign_new_card(card_id: int) -> CardTheme | None:
    """Sort one card that just got its vector into its series' themes, unless a person already
    placed it. Nothing happens for a series without themes or for a card themes leave out."""
    series_id = (
        eligible(Card.objects.filter(pk=card_id))
        .exclude(theme_link__confirmed=True)
        .values_list("meeting__series_id", flat=True)
        .first()
    )
    if series_id is None:
        return None
    space = stored_space(series_id)
    theme_list = list(
        Theme.objects.filter(series_id=series_id, vector__isnull=False).only("pk", "vector")
    )
    vector = load_vectors([card_id]).get(card_id)
    if space is None or not theme_list or vector is None:
        return None
    result = themes.assign(space.project(vector), _theme_matrix(theme_list))[0]
    theme_id = None if result.theme is None else theme_list[result.theme].pk
    link = CardTheme(
        card_id=card_id, series_id=series_id, theme_id=theme_id, confidence=result.confidence
    )
    values = {"series_id": series_id, "theme_id": theme_id, "confidence": result.confidence}
    if not CardTheme.objects.filter(card_id=card_id, confirmed=False).update(**values):
        try:
            with transaction.atomic():
                link.save(force_insert=True)
        except IntegrityError:
            return None  # a person placed it a moment ago
    return link
