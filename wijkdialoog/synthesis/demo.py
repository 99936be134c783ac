"""Demo data: the Kersenbuurt harvest sorted into themes with a few organiser corrections,
quotes picked for the story, and the neighbourhood's story published.

Runs after the harvest demo. The system suggests themes from the cards of the two past
meetings; then the organiser does what organisers do: names the themes that matter in their own
words, merges two that say the same, moves a few cards, deletes a suggestion that only gathered
evening quotes, and sorts again. Cards are found by the start of their text, so the corrections
hold however the suggestions came out; a step whose cards are not there is skipped.
"""

from typing import Any

from django.utils.translation import override

from wijkdialoog.dialogues.models import Series
from wijkdialoog.harvest.models import Card

from . import curation, highlights, sorting, story
from .models import CardTheme, Theme
from .story_text import quote_code, theme_code

# (a card in the theme, name, description, name in English, description in English)
NAMED = [
    (
        "Een buurtmoestuin beginnen",
        "Het Kersenpark",
        "Het park als plek voor iedereen: een moestuin, bankjes, licht op het pad en een "
        "veilige oversteek naar school.",
        "The Kersenpark",
        "The park as a place for everyone: a vegetable garden, benches, light on the path and a "
        "safe crossing to school.",
    ),
    (
        "Thuis is waar je niet hoeft",
        "Wat thuis voor ons betekent",
        "Rust, jezelf mogen zijn en buren die merken als je er even niet bent.",
        "What home means to us",
        "Peace, being who you are, and neighbours who notice when you are not around.",
    ),
    (
        "Ik woon hier pas een jaar",
        "Buren die naar elkaar omkijken",
        "Kleine gebaren tussen buren: iets brengen, boodschappen doen, samen opruimen na de storm.",
        "Neighbours looking out for each other",
        "Small gestures between neighbours: bringing something round, shopping, clearing up after "
        "the storm together.",
    ),
    (
        "Een voetbaltoernooi voor de hele buurt",
        "Jong en oud samen",
        "Sport, een buurtfeest en plekken waar jongeren en ouderen elkaar tegenkomen.",
        "Young and old together",
        "Sport, a street party and places where young and old people meet.",
    ),
]
# The suggestion with this card says the same as the named theme with the other: merged.
MERGE = ("Ik kom hier om mijn buren beter te leren kennen", "Ik woon hier pas een jaar")
# (a card, a card in the theme it belongs in): moved by the organiser.
MOVES = [
    ("Goed licht op het pad door het park", "Een buurtmoestuin beginnen"),
    ("Een veilige plek voor jongeren", "Een voetbaltoernooi voor de hele buurt"),
]
# A suggestion that only gathered what people said about the evening itself.
DELETE = "Ik wil vanavond vooral luisteren"
# (card, for public use): quotes for the story; the last one is internal, so for internal use.
QUOTES = [
    ("Thuis is waar je niet hoeft uit te leggen wie je bent", True),
    ("Het begint met één keer aanbellen", True),
    ("Jongeren worden vaak gezien als het probleem", True),
    ("Niet iedereen voelt zich welkom in het buurthuis", False),
]


def load(context: Any) -> None:
    series = context["series"].get("kersenbuurt")
    if series is None:
        return
    organiser = context["people"]["organisator"].user
    sorting.suggest_themes(series=series, actor=organiser)
    _correct(series, organiser)
    sorting.sort_cards(series=series, actor=organiser)
    quotes = _quote(series, organiser)
    _write_story(series, organiser, quotes)
    context["themes"] = list(Theme.objects.filter(series=series))


def _card(series: Series, start: str) -> Card | None:
    return Card.objects.filter(meeting__series=series, text__startswith=start).first()


def _theme_of(series: Series, start: str) -> Theme | None:
    card = _card(series, start)
    link = CardTheme.objects.filter(card=card).select_related("theme").first() if card else None
    return link.theme if link else None


def _correct(series: Series, organiser: Any) -> None:
    merge_from = _theme_of(series, MERGE[0])
    merge_into = _theme_of(series, MERGE[1])
    if merge_from and merge_into and merge_from != merge_into:
        curation.merge_themes(theme=merge_from, into=merge_into, actor=organiser)
    for start, name, description, name_en, description_en in NAMED:
        theme = _theme_of(series, start)
        if theme is not None and not theme.curated:
            curation.update_theme(
                theme=theme,
                actor=organiser,
                name=name,
                description=description,
                name_en=name_en,
                description_en=description_en,
            )
    for start, target in MOVES:
        card, theme = _card(series, start), _theme_of(series, target)
        if card is not None and theme is not None:
            curation.move_card(series=series, card=card, theme=theme, actor=organiser)
    evening = _theme_of(series, DELETE)
    if evening is not None and not evening.curated:
        curation.delete_theme(theme=evening, actor=organiser)


def _quote(series: Series, organiser: Any) -> list[int]:
    made = []
    for start, for_public in QUOTES:
        card = _card(series, start)
        if card is not None:
            public = for_public and highlights.may_be_public(card)
            made.append(highlights.mark_highlight(card=card, actor=organiser, for_public=public).pk)
    return made


def _write_story(series: Series, organiser: Any, quotes: list[int]) -> None:
    park = _theme_of(series, NAMED[0][0])
    neighbours = _theme_of(series, NAMED[2][0])
    young = _theme_of(series, NAMED[3][0])
    code, quote = theme_code, quote_code
    with override("nl"):
        parts = _story_parts(
            park=code(park.pk) if park else "",
            neighbours=code(neighbours.pk) if neighbours else "",
            young=code(young.pk) if young else "",
            home=quote(quotes[0]) if quotes else "",
            bell=quote(quotes[1]) if len(quotes) > 1 else "",
            youth=quote(quotes[2]) if len(quotes) > 2 else "",
        )
    story.save_story(series=series, actor=organiser, **parts)
    story.publish_story(series=series, actor=organiser)


def _story_parts(**codes: str) -> dict[str, str]:
    """The organiser's story, with the codes of themes and quotes filled in."""
    return {
        "title": "Wat de Kersenbuurt vertelde",
        "title_en": "What the Kersenbuurt told us",
        "appreciate": (
            "Aan de tafels vertelden buren over kleine dingen die groot voelen: een pan soep na "
            "een verhuizing, boodschappen na een gebroken heup, samen zagen na de storm.\n\n"
            f"{codes['neighbours']}\n\n{codes['home']}\n\n[cijfers]"
        ),
        "appreciate_en": (
            "At the tables neighbours told of small things that feel big: a pot of soup after a "
            "move, shopping after a broken hip, sawing together after the storm.\n\n"
            f"{codes['neighbours']}\n\n{codes['home']}\n\n[cijfers]"
        ),
        "dream": (
            "We dromen van een park waar jong en oud elkaar tegenkomen, met een moestuin en "
            f"licht op het pad.\n\n{codes['park']}\n\n{codes['young']}\n\n{codes['youth']}"
        ),
        "dream_en": (
            "We dream of a park where young and old meet, with a vegetable garden and light on "
            f"the path.\n\n{codes['park']}\n\n{codes['young']}\n\n{codes['youth']}"
        ),
        "needed": (
            "Van de gemeente vragen we licht op het fietspad door het Kersenpark, een veilige "
            "oversteek bij de school en een stuk grond voor de moestuin. Van het wijkteam: "
            "hulp bij hoe je als buur zegt dat je je zorgen maakt."
        ),
        "needed_en": (
            "We ask the municipality for light on the cycle path through the Kersenpark, a safe "
            "crossing by the school and a piece of land for the garden. We ask the wijkteam how "
            "to tell a neighbour that you are worried about them."
        ),
        "ourselves": (
            "Vier buren beginnen de buurtmoestuin, drie maken in juni een buurtfeest op het "
            "Kersenplein, en de buurtsportcoach organiseert een voetbaltoernooi.\n\n"
            f"{codes['bell']}"
        ),
        "ourselves_en": (
            "Four neighbours start the vegetable garden, three organise a street party on the "
            "Kersenplein in June, and the neighbourhood sports coach organises a football "
            f"tournament.\n\n{codes['bell']}"
        ),
    }
