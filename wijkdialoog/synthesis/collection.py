"""The harvest in one place: every card of a series (or one meeting) that the viewer may see,
filtered by meeting, table, round, kind, publication, theme and free text, with counts per value.

A page costs a fixed number of queries however many cards, meetings and themes there are: one
for the meetings, one for the themes, one per facet (an aggregate, never a query per row), one
count for the pager and one for the page's cards with everything they show.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wijkdialoog.dialogues.models import Meeting, Series
from wijkdialoog.harvest.models import Card
from wijkdialoog.methods.kinds import CardKind

from .models import Highlight, Theme
from .visibility import (
    cards_for_organisers,
    cards_shared_with_partners,
    public_cards,
    published_meetings_only,
)

PER_PAGE = 50
UNSORTED = "unsorted"
NO_TABLE = "none"
CARD_RELATED = ("meeting__series", "table", "theme_link__theme", "highlight")
FILTER_NAMES = ("meeting", "table", "round", "kind", "publication", "theme", "q")


@dataclass(frozen=True)
class Viewer:
    """What someone sees of a harvest: organisers every card (not private actions, not rejected
    ones) of every meeting; partners of an organisation that shares them the internal cards of
    published meetings too; everyone else the public cards of published meetings."""

    organiser: bool = False
    sees_internal: bool = False


def viewer_for(user: Any, subject: Series | Meeting) -> Viewer:
    organiser = bool(user.has_perm("harvest.view_internal_cards", subject))
    return Viewer(
        organiser=organiser,
        sees_internal=organiser or bool(user.has_perm("synthesis.view_internal_cards", subject)),
    )


def visible_cards(viewer: Viewer) -> QuerySet[Card]:
    if viewer.organiser:
        return cards_for_organisers()
    if viewer.sees_internal:
        return published_meetings_only(cards_shared_with_partners())
    return published_meetings_only(public_cards())


def visible_meetings(scope: Series | Meeting, viewer: Viewer) -> QuerySet[Meeting]:
    meetings = Meeting.objects.filter(
        series_id=scope.pk if isinstance(scope, Series) else scope.series_id
    )
    if isinstance(scope, Meeting):
        meetings = meetings.filter(pk=scope.pk)
    if not viewer.organiser:
        meetings = meetings.filter(publish_at__lte=timezone.now())
    return meetings.select_related("series").order_by("starts_at", "pk")


@dataclass(frozen=True)
class Filters:
    """The filters of a harvest page, read leniently from the query string: a value that is
    not a valid choice is ignored, so an old or edited link shows the whole harvest."""

    meeting: int | None = None
    table: str = ""
    round: str = ""
    kind: str = ""
    publication: str = ""
    theme: str = ""
    q: str = ""
    # Suggested themes are named from every card's words, internal ones too: only the themes a
    # person named are shown to anyone but organisers; cards in the others count as unsorted.
    named_themes_only: bool = False

    @classmethod
    def from_query(cls, query: Mapping[str, str], viewer: Viewer) -> "Filters":
        def value(name: str) -> str:
            return str(query.get(name, "")).strip()[:200]

        meeting = value("meeting")
        table = value("table")
        theme = value("theme")
        return cls(
            meeting=int(meeting) if meeting.isdigit() else None,
            table=table if table.isdigit() or table == NO_TABLE else "",
            round=value("round"),
            kind=value("kind") if value("kind") in CardKind.values else "",
            publication=(
                value("publication")
                if viewer.sees_internal and value("publication") in Card.Publication.values
                else ""
            ),
            theme=theme if theme.isdigit() or theme == UNSORTED else "",
            q=value("q"),
            named_themes_only=not viewer.organiser,
        )

    def apply(self, cards: QuerySet[Card], *, skip: str = "") -> QuerySet[Card]:
        """The cards that pass every filter except `skip` (for the counts of that filter)."""
        conditions = Q()
        if self.meeting is not None and skip != "meeting":
            conditions &= Q(meeting_id=self.meeting)
        if self.table and skip != "table":
            if self.table == NO_TABLE:
                conditions &= Q(table__isnull=True)
            else:
                conditions &= Q(table__number=int(self.table))
        if self.round and skip != "round":
            conditions &= Q(phase_name=self.round)
        if self.kind and skip != "kind":
            conditions &= Q(kind=self.kind)
        if self.publication and skip != "publication":
            conditions &= Q(publication=self.publication)
        if self.theme and skip != "theme":
            unsorted = Q(theme_link__theme__isnull=True)
            if self.named_themes_only:
                unsorted |= Q(theme_link__theme__curated=False)
            if self.theme == UNSORTED:
                conditions &= unsorted
            else:
                conditions &= Q(theme_link__theme_id=int(self.theme))
                if self.named_themes_only:
                    conditions &= Q(theme_link__theme__curated=True)
        if self.q:
            conditions &= Q(text__icontains=self.q)
        return cards.filter(conditions)

    @property
    def active(self) -> bool:
        return any(self.as_query().values())

    def as_query(self) -> dict[str, str]:
        values = {name: getattr(self, name) for name in FILTER_NAMES}
        return {name: str(v) for name, v in values.items() if v not in (None, "")}

    def query_string(self, **extra: str | int) -> str:
        """The filters as a query string, for links to other pages and the exports."""
        return urlencode({**self.as_query(), **{k: str(v) for k, v in extra.items()}})


@dataclass(frozen=True)
class Option:
    """One choice in a filter: its value, its label and how many cards it holds."""

    value: str
    label: str
    count: int


@dataclass
class Collection:
    scope: Series | Meeting
    viewer: Viewer
    filters: Filters
    page: Page[Card]
    meetings: list[Meeting]
    themes: list[Theme]
    facets: dict[str, list[Option]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return int(self.page.paginator.count)

    def count_of(self, facet: str, value: str) -> int:
        return next((o.count for o in self.facets.get(facet, []) if o.value == value), 0)

    @property
    def internal_count(self) -> int:
        return self.count_of("publication", Card.Publication.INTERNAL)

    @property
    def fields(self) -> list["FilterField"]:
        """The filters this page offers, in the order of the form."""
        names = ["meeting", "table", "round", "kind", "publication", "theme"]
        if isinstance(self.scope, Meeting) or len(self.meetings) < 2:
            names.remove("meeting")
        if not self.viewer.sees_internal:
            names.remove("publication")
        if not self.themes:
            names.remove("theme")
        return [
            FilterField(
                name=name,
                label=str(FILTER_LABELS[name]),
                options=self.facets.get(name, []),
                selected=""
                if getattr(self.filters, name) is None
                else str(getattr(self.filters, name)),
            )
            for name in names
        ]

    @property
    def rows(self) -> list["CardRow"]:
        return [
            CardRow(card, theme_of(card, self.viewer), self.viewer)
            for card in self.page.object_list
        ]


@dataclass(frozen=True)
class FilterField:
    name: str
    label: str
    options: list[Option]
    selected: str


FILTER_LABELS = {
    "meeting": gettext_lazy("Meeting"),
    "table": gettext_lazy("Table"),
    "round": gettext_lazy("Round"),
    "kind": gettext_lazy("Kind of card"),
    "publication": gettext_lazy("Publication"),
    "theme": gettext_lazy("Theme"),
}


@dataclass(frozen=True)
class CardRow:
    """A card as a harvest page shows it: the first name only as `Card.name_in_public` allows,
    on every page (the wall's rule), and its theme when this viewer may see that theme."""

    card: Card
    theme: Theme | None

    @property
    def name(self) -> str:
        return self.card.public_name

    viewer: Viewer

    @property
    def highlight(self) -> Highlight | None:
        return shown_highlight(self.card, self.viewer)


def _counts(cards: QuerySet[Card], field_name: str) -> dict[Any, int]:
    rows = cards.order_by().values(field_name).annotate(n=Count("pk"))
    return {row[field_name]: row["n"] for row in rows}


def scoped_cards(scope: Series | Meeting, viewer: Viewer) -> QuerySet[Card]:
    cards = visible_cards(viewer)
    if isinstance(scope, Meeting):
        return cards.filter(meeting_id=scope.pk)
    return cards.filter(meeting__series_id=scope.pk)


def _meeting_label(meeting: Meeting) -> str:
    day = date_format(timezone.localtime(meeting.starts_at), "j F Y")
    return f"{meeting.display_title}, {day}"


def _facets(
    cards: QuerySet[Card], filters: Filters, meetings: list[Meeting], themes: list[Theme]
) -> dict[str, list[Option]]:
    kinds = _counts(filters.apply(cards, skip="kind"), "kind")
    publications = _counts(filters.apply(cards, skip="publication"), "publication")
    per_meeting = _counts(filters.apply(cards, skip="meeting"), "meeting_id")
    per_theme = _counts(filters.apply(cards, skip="theme"), "theme_link__theme_id")
    per_table = _counts(filters.apply(cards, skip="table"), "table__number")
    per_round = _counts(filters.apply(cards, skip="round"), "phase_name")
    theme_options = [Option(str(t.pk), t.name, per_theme.get(t.pk, 0)) for t in themes]
    shown = {t.pk for t in themes}
    unsorted = sum(count for pk, count in per_theme.items() if pk not in shown)
    theme_options.append(Option(UNSORTED, _("not sorted yet"), unsorted))
    tables = sorted(number for number in per_table if number is not None)
    table_options = [
        Option(str(n), _("Table %(number)s") % {"number": n}, per_table[n]) for n in tables
    ]
    if None in per_table:
        table_options.append(Option(NO_TABLE, _("no table"), per_table[None]))
    return {
        "kind": [Option(k.value, str(k.label), kinds.get(k.value, 0)) for k in CardKind],
        "publication": [
            Option(p.value, str(p.label), publications.get(p.value, 0)) for p in Card.Publication
        ],
        "meeting": [
            Option(str(m.pk), _meeting_label(m), per_meeting.get(m.pk, 0)) for m in meetings
        ],
        "theme": theme_options,
        "table": table_options,
        "round": [
            Option(name, name, count)
            for name, count in sorted(per_round.items(), key=lambda item: item[0].casefold())
            if name
        ],
    }


def visible_themes(series_id: int, viewer: Viewer) -> QuerySet[Theme]:
    themes = Theme.objects.filter(series_id=series_id)
    if not viewer.organiser:
        themes = themes.filter(curated=True)
    return themes.order_by("position", "pk")


def theme_of(card: Card, viewer: Viewer) -> Theme | None:
    """The theme a card shows to this viewer (see Filters.named_themes_only)."""
    link = getattr(card, "theme_link", None)
    theme: Theme | None = getattr(link, "theme", None)
    if theme is None or not (viewer.organiser or theme.curated):
        return None
    return theme


def shown_highlight(card: Card, viewer: Viewer) -> Highlight | None:
    """Organisers see every highlight; others one marked for public use of a public card."""
    highlight: Highlight | None = getattr(card, "highlight", None)
    if highlight is None or viewer.organiser:
        return highlight
    return highlight if highlight.for_public and card.is_public else None


def ordered(cards: QuerySet[Card]) -> QuerySet[Card]:
    return cards.select_related(*CARD_RELATED).order_by(
        "meeting__starts_at", "meeting_id", "table__number", "created_at", "pk"
    )


def collect(
    scope: Series | Meeting, viewer: Viewer, filters: Filters, page_number: Any = 1
) -> Collection:
    """One page of the harvest with the counts of every filter."""
    series_id = scope.pk if isinstance(scope, Series) else scope.series_id
    meetings = list(visible_meetings(scope, viewer))
    themes = list(visible_themes(series_id, viewer))
    cards = scoped_cards(scope, viewer)
    page = Paginator(ordered(filters.apply(cards)), PER_PAGE).get_page(page_number)
    return Collection(
        scope=scope,
        viewer=viewer,
        filters=filters,
        page=page,
        meetings=meetings,
        themes=themes,
        facets=_facets(cards, filters, meetings, themes),
    )
