"""Organiser-entered public texts are written in Dutch, and optionally in English too.

`public_text` is the one place that decides which of the two a page shows: the English text on
an English page when there is one, else the Dutch text, marked so the page can say so and set
`lang="nl"` on it.
"""

from dataclasses import dataclass

from django.utils.translation import get_language

DUTCH = "nl"
# Languages with their own field next to the Dutch one, named `<field>_<language>`.
TRANSLATED = ("en",)


@dataclass(frozen=True)
class PublicText:
    text: str
    language: str
    # True when the Dutch text stands in for a missing translation on a page in another language.
    in_dutch_instead: bool = False

    def __str__(self) -> str:
        return self.text

    def __bool__(self) -> bool:
        return bool(self.text)


def public_text(obj, field: str, language: str | None = None) -> PublicText:
    """The text of `obj.<field>` to show in `language` (default: the active language)."""
    language = (language or get_language() or DUTCH).split("-")[0]
    if language in TRANSLATED:
        translated = (getattr(obj, f"{field}_{language}", "") or "").strip()
        if translated:
            return PublicText(translated, language)
    dutch = (getattr(obj, field) or "").strip()
    return PublicText(dutch, DUTCH, in_dutch_instead=bool(dutch) and language != DUTCH)
