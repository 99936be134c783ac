"""The harvest part of a report: the cards per round, highlights as quotes, the rode draden
(themes and the published story), what we also heard (concerns and minority voices, all of
them), and the split between what residents pick up themselves and what is asked of partners.
The cards are read once; everything else is a handful of queries."""

from dataclasses import dataclass, field

from django.db.models import Count, QuerySet

from wijkdialoog.dialogues.bilingual import PublicText, public_text
from wijkdialoog.dialogues.models import Meeting, Series
from wijkdialoog.followup.partners import shares_internal_cards
from wijkdialoog.harvest.models import Card
from wijkdialoog.methods.kinds import CardKind
from wijkdialoog.synthesis import story
from wijkdialoog.synthesis.highlights import public_highlights_of
from wijkdialoog.synthesis.models import CardTheme, Highlight, Theme
from wijkdialoog.synthesis.story import StoryText

from .assemble_audience import Audience, visible_cards

# A round shows this many cards; the rest are counted (the full harvest is on the wall).
CARDS_PER_ROUND = 12
# What residents pick up themselves, and what they ask of partners.
OURSELVES = (CardKind.PERSONAL_ACTION, CardKind.INITIATIVE)
ASKED_OF_PARTNERS = (CardKind.QUESTION, CardKind.NEED)


@dataclass(frozen=True)
class ShownCard:
    """A card as a report shows it: the text, a first name only with consent."""

    pk: int
    text: str
    name: str
    kind: str
    kind_label: str
    meeting_id: int
    is_internal: bool


@dataclass
class Round:
    name: str
    cards: list[ShownCard] = field(default_factory=list)
    total: int = 0

    @property
    def more(self) -> int:
        return self.total - len(self.cards)


@dataclass(frozen=True)
class ThemeSummary:
    name: PublicText
    description: PublicText
    cards: int


@dataclass
class Harvest:
    rounds: list[Round]
    quotes: list[ShownCard]
    themes: list[ThemeSummary]
    story: StoryText | None
    concerns: list[ShownCard]
    ourselves: list[ShownCard]
    asked_of_partners: list[ShownCard]
    dreams: list[ShownCard]
    count_per_meeting: dict[int, int]
    internal_cards: int

    @property
    def total(self) -> int:
        return sum(self.count_per_meeting.values())


def _shown(card: Card) -> ShownCard:
    return ShownCard(
        pk=card.pk,
        text=card.text,
        name=Card.name_in_public(publication=card.publication, first_name=card.first_name),
        kind=card.kind,
        kind_label=card.get_kind_display(),
        meeting_id=card.meeting_id,
        is_internal=card.publication == Card.Publication.INTERNAL,
    )


def _rounds(cards: list[Card], meetings: list[Meeting]) -> list[Round]:
    """Cards by round (phase), in the order of the method; a series joins its meetings'
    rounds of the same name."""
    order = {meeting.pk: index for index, meeting in enumerate(meetings)}
    rounds: dict[str, Round] = {}
    keyed = sorted(
        cards,
        key=lambda c: (c.phase.position if c.phase else 99, order.get(c.meeting_id, 0), c.pk),
    )
    for card in keyed:
        name = card.phase_name or (card.phase.name if card.phase else "")
        shown = rounds.setdefault(name, Round(name=name))
        shown.total += 1
        if len(shown.cards) < CARDS_PER_ROUND:
            shown.cards.append(_shown(card))
    return list(rounds.values())


def _quotes(series: Series, cards: QuerySet[Card], audience: Audience) -> list[ShownCard]:
    if audience == Audience.PUBLIC:
        chosen = public_highlights_of([series.pk])
    else:
        chosen = Highlight.objects.filter(series=series)
        if audience == Audience.PARTNER:
            chosen = chosen.filter(for_public=True)
    chosen = chosen.filter(card__in=cards).select_related("card").order_by("created_at", "pk")
    return [_shown(highlight.card) for highlight in chosen]


def _themes(series: Series, cards: QuerySet[Card]) -> list[ThemeSummary]:
    counts = dict(
        CardTheme.objects.filter(series=series, theme__isnull=False, card__in=cards)
        .values_list("theme")
        .annotate(count=Count("pk"))
        .order_by()
        .values_list("theme", "count")
    )
    return [
        ThemeSummary(
            name=public_text(theme, "name"),
            description=public_text(theme, "description"),
            cards=counts.get(theme.pk, 0),
        )
        for theme in Theme.objects.filter(series=series).order_by("position", "pk")
        if counts.get(theme.pk, 0) or theme.curated
    ]


def _story(series: Series) -> StoryText | None:
    version = story.online_version(series)
    return story.published_stories([version])[0] if version is not None else None


def harvest(series: Series, meetings: list[Meeting], *, audience: Audience) -> Harvest:
    shares = audience == Audience.PARTNER and shares_internal_cards(series.organisation_id)
    cards_query = visible_cards(audience, partners_see_internal=shares).filter(
        meeting_id__in=[meeting.pk for meeting in meetings]
    )
    cards = list(
        cards_query.select_related("phase").only(
            "pk",
            "text",
            "first_name",
            "publication",
            "kind",
            "meeting_id",
            "phase_name",
            "phase__position",
            "phase__name",
        )
    )
    per_meeting: dict[int, int] = {}
    for card in cards:
        per_meeting[card.meeting_id] = per_meeting.get(card.meeting_id, 0) + 1

    def of_kinds(*kinds: str) -> list[ShownCard]:
        return [_shown(card) for card in cards if card.kind in kinds]

    return Harvest(
        rounds=_rounds(cards, meetings),
        quotes=_quotes(series, cards_query, audience),
        themes=_themes(series, cards_query),
        story=_story(series),
        concerns=of_kinds(CardKind.CONCERN),
        ourselves=of_kinds(*OURSELVES),
        asked_of_partners=of_kinds(*ASKED_OF_PARTNERS),
        dreams=of_kinds(CardKind.DREAM),
        count_per_meeting=per_meeting,
        internal_cards=sum(1 for card in cards if card.publication == Card.Publication.INTERNAL),
    )
