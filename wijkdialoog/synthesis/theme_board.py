"""What the organiser's theme pages show: each theme with its cards in the split Dutch dialogue
reports use, and the cards not sorted yet. Two queries whatever the number of cards or themes."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from wijkdialoog.dialogues.models import Series
from wijkdialoog.harvest.models import Card
from wijkdialoog.methods.kinds import CardKind

from .models import Theme
from .sorting import LOW_CONFIDENCE, theme_cards

# The parts of a theme, in the order a report tells them. Concerns and minority voices always
# keep their own part: they are never merged into the rest.
OURSELVES = frozenset({CardKind.PERSONAL_ACTION, CardKind.INITIATIVE})
PARTNERS = frozenset({CardKind.QUESTION, CardKind.NEED})
ALSO_HEARD = frozenset({CardKind.CONCERN})


@dataclass
class BoardCard:
    card: Card
    confidence: float | None
    confirmed: bool

    @property
    def low_confidence(self) -> bool:
        return (
            not self.confirmed and self.confidence is not None and self.confidence < LOW_CONFIDENCE
        )

    @property
    def percent(self) -> int | None:
        return None if self.confidence is None else round(max(self.confidence, 0) * 100)

    @property
    def is_internal(self) -> bool:
        return self.card.publication == Card.Publication.INTERNAL

    @property
    def name(self) -> str:
        return Card.name_in_public(
            publication=self.card.publication, first_name=self.card.first_name
        )


@dataclass
class Part:
    key: str
    title: str
    cards: list[BoardCard] = field(default_factory=list)


@dataclass
class BoardTheme:
    theme: Theme
    cards: list[BoardCard] = field(default_factory=list)

    @property
    def confirmed_count(self) -> int:
        return sum(1 for item in self.cards if item.confirmed)

    @property
    def parts(self) -> list[Part]:
        parts = {
            "ourselves": Part("ourselves", _("What residents pick up themselves")),
            "partners": Part("partners", _("What we ask of partners")),
            "other": Part("other", _("Other cards")),
            "also-heard": Part("also-heard", _("What we also heard")),
        }
        for item in self.cards:
            parts[part_of(item.card.kind)].cards.append(item)
        return list(parts.values())


def part_of(kind: str) -> str:
    if kind in OURSELVES:
        return "ourselves"
    if kind in PARTNERS:
        return "partners"
    if kind in ALSO_HEARD:
        return "also-heard"
    return "other"


@dataclass
class Board:
    themes: list[BoardTheme]
    unsorted: list[BoardCard]

    @property
    def card_count(self) -> int:
        return len(self.unsorted) + sum(len(theme.cards) for theme in self.themes)


def theme_board(series: Series, only: Theme | None = None) -> Board:
    """The series' themes with their cards (or only `only`), and the unsorted cards."""
    themes = Theme.objects.filter(series=series).select_related("central_card")
    if only is not None:
        themes = themes.filter(pk=only.pk)
    by_pk = {theme.pk: BoardTheme(theme) for theme in themes}
    cards = (
        theme_cards(series)
        .select_related("meeting", "table", "theme_link")
        .order_by("meeting__starts_at", "created_at", "pk")
    )
    if only is not None:
        cards = cards.filter(theme_link__theme=only)
    unsorted = []
    for card in cards:
        link = getattr(card, "theme_link", None)
        item = BoardCard(
            card,
            link.confidence if link else None,
            bool(link and link.confirmed),
        )
        theme_id = link.theme_id if link else None
        if theme_id in by_pk:
            by_pk[theme_id].cards.append(item)
        elif only is None:
            unsorted.append(item)
    return Board(list(by_pk.values()), unsorted)
