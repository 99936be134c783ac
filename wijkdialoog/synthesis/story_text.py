"""The text of the neighbourhood story: paragraphs and the codes that insert data.

An organiser writes plain text. A blank line starts a new paragraph; nothing in it is HTML
(templates escape it). Three codes bring in data of the series, typed by hand or inserted:

- `[thema:12]` a theme: its name, description and how many cards it has;
- `[citaat:34]` a highlight: the card's text as a quote, with a first name only where allowed;
- `[cijfers]` the figures: how many cards, tables and people, written out in the sentence.

English spellings (`[theme:12]`, `[quote:34]`, `[figures]`) work too. A code whose data is
unknown or may not be shown becomes nothing in public, and a warning in the organiser's preview.
This module knows no models: it gets the data as `StoryData` (see story_data.py).
"""

import re
from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wijkdialoog.dialogues.bilingual import PublicText

CODE = re.compile(
    r"\[\s*(?:(?P<kind>thema|theme|citaat|quote)\s*:\s*(?P<pk>\d+)|(?P<figures>cijfers|figures))\s*\]",
    re.IGNORECASE,
)
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
THEME_WORDS = ("thema", "theme")


def theme_code(pk: int) -> str:
    return f"[thema:{pk}]"


def quote_code(pk: int) -> str:
    return f"[citaat:{pk}]"


FIGURES_CODE = "[cijfers]"


@dataclass(frozen=True)
class Figures:
    cards: int = 0
    tables: int = 0
    people: int = 0

    def __str__(self) -> str:
        return ", ".join(
            [
                ngettext("%(count)s card", "%(count)s cards", self.cards) % {"count": self.cards},
                ngettext("%(count)s table", "%(count)s tables", self.tables)
                % {"count": self.tables},
                ngettext("%(count)s person", "%(count)s people", self.people)
                % {"count": self.people},
            ]
        )


@dataclass(frozen=True)
class ThemeInfo:
    name: PublicText
    description: PublicText
    card_count: int


@dataclass(frozen=True)
class QuoteInfo:
    text: str
    name: str


@dataclass
class StoryData:
    """What the codes of one series' story may show. `themes` and `quotes` hold only what may
    be shown in public; `hidden_quotes` are highlights of the series that may not (the preview
    says so)."""

    figures: Figures = field(default_factory=Figures)
    themes: dict[int, ThemeInfo] = field(default_factory=dict)
    quotes: dict[int, QuoteInfo] = field(default_factory=dict)
    hidden_quotes: set[int] = field(default_factory=set)


@dataclass(frozen=True)
class Paragraph:
    lines: list[str]
    shape: str = "paragraph"


@dataclass(frozen=True)
class ThemeBlock:
    theme: ThemeInfo
    shape: str = "theme"


@dataclass(frozen=True)
class QuoteBlock:
    quote: QuoteInfo
    shape: str = "quote"


@dataclass(frozen=True)
class CodeWarning:
    """Only in the organiser's preview: a code that shows nothing in public, and why."""

    code: str
    reason: str | Promise
    shape: str = "warning"


Block = Paragraph | ThemeBlock | QuoteBlock | CodeWarning


@dataclass(frozen=True)
class References:
    """The data a text refers to, so a page loads only what its stories need."""

    themes: set[int] = field(default_factory=set)
    quotes: set[int] = field(default_factory=set)
    figures: bool = False

    def __or__(self, other: "References") -> "References":
        return References(
            self.themes | other.themes, self.quotes | other.quotes, self.figures or other.figures
        )


def references(*texts: str) -> References:
    found = References()
    for text in texts:
        for match in CODE.finditer(text or ""):
            if match["figures"]:
                found = found | References(figures=True)
            elif match["kind"].lower() in THEME_WORDS:
                found = found | References(themes={int(match["pk"])})
            else:
                found = found | References(quotes={int(match["pk"])})
    return found


def _paragraph(buffer: list[str]) -> Paragraph | None:
    lines = [line.strip() for line in "".join(buffer).strip().splitlines()]
    lines = [line for line in lines if line]
    return Paragraph(lines) if lines else None


def _block(match: re.Match[str], data: StoryData) -> Block | None:
    pk = int(match["pk"])
    if match["kind"].lower() in THEME_WORDS:
        theme = data.themes.get(pk)
        if theme is not None:
            return ThemeBlock(theme)
        return CodeWarning(match[0], _("There is no theme with this number in this series."))
    quote = data.quotes.get(pk)
    if quote is not None:
        return QuoteBlock(quote)
    if pk in data.hidden_quotes:
        return CodeWarning(
            match[0],
            _(
                "This quote may not be shown in public: it is not marked for public use, or the "
                "card is no longer public."
            ),
        )
    return CodeWarning(match[0], _("There is no highlight with this number in this series."))


def _blocks_of_paragraph(text: str, data: StoryData) -> list[Block]:
    blocks: list[Block] = []
    buffer: list[str] = []
    position = 0
    for match in CODE.finditer(text):
        buffer.append(text[position : match.start()])
        position = match.end()
        if match["figures"]:
            buffer.append(str(data.figures))
            continue
        paragraph = _paragraph(buffer)
        if paragraph is not None:
            blocks.append(paragraph)
        buffer = []
        block = _block(match, data)
        if block is not None:
            blocks.append(block)
    buffer.append(text[position:])
    paragraph = _paragraph(buffer)
    if paragraph is not None:
        blocks.append(paragraph)
    return blocks


def render(text: str, data: StoryData, *, preview: bool = False) -> list[Block]:
    """The blocks of one part of the story. Themes and quotes stand on their own (a code in the
    middle of a sentence splits the paragraph); the figures are part of the sentence."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    blocks: list[Block] = []
    for chunk in PARAGRAPH_BREAK.split(text):
        blocks.extend(_blocks_of_paragraph(chunk, data))
    if preview:
        return blocks
    return [block for block in blocks if not isinstance(block, CodeWarning)]
