"""A small series' harvest in three clear themes, and its real vectors computed once per test
run (the embedding model is the real one; computing is what is slow, not storing)."""

from functools import cache

from tests.builders import make_card, make_harvest_meeting
from wijkdialoog.harvest.models import Card
from wijkdialoog.synthesis.engine import embedding
from wijkdialoog.synthesis.models import CardVector

PLAY = [
    ("experience", "De speeltuin bij de school is te klein voor alle kinderen."),
    ("dream", "Een grote speeltuin met klimrekken en een zandbak voor de kinderen."),
    ("need", "Er moeten meer schommels en glijbanen komen in de speeltuin."),
    ("initiative", "Met een paar ouders willen we de speeltuin samen opknappen."),
    ("value", "Kinderen spelen graag buiten op het grasveld achter de flat."),
    ("question", "Kan de gemeente de kapotte wip in de speeltuin vervangen?"),
    ("idea", "Een speelplek voor kleine kinderen bij het buurthuis."),
    ("concern", "De speeltuin is 's avonds een hangplek en dan voelen ouders zich niet veilig."),
]
TRAFFIC = [
    ("experience", "Auto's rijden veel te hard door de Kersenstraat."),
    ("need", "Drempels in de straat zodat auto's langzamer rijden."),
    ("question", "Kan de gemeente flitsen op de doorgaande weg waar hard gereden wordt?"),
    ("dream", "Een straat waar fietsers en voetgangers voorrang hebben op auto's."),
    ("idea", "Een zebrapad bij de school zodat kinderen veilig oversteken."),
    ("value", "Ik vind het fijn dat de fietspaden breed zijn."),
    ("concern", "Oudere mensen durven de drukke kruising niet over te steken."),
    ("experience", "Vrachtwagens parkeren op de stoep en blokkeren het verkeer."),
]
LONELY = [
    ("experience", "Veel ouderen in de flat zitten alleen thuis en zijn eenzaam."),
    ("dream", "Een koffieochtend in het buurthuis waar iedereen welkom is."),
    ("initiative", "Wij beginnen een wekelijkse eettafel voor buren die alleen wonen."),
    ("action", "Ik ga bij mijn oudere buurvrouw op de koffie."),
    ("need", "Een vaste plek om andere buren te ontmoeten en te praten."),
    ("value", "Ik waardeer het dat buren elkaar groeten op straat."),
    ("question", "Kan het wijkteam eenzame ouderen thuis bezoeken?"),
    ("quote", "Sinds mijn man overleed spreek ik soms een week niemand."),
]
ALL = PLAY + TRAFFIC + LONELY


@cache
def vectors_by_text() -> dict[str, bytes]:
    texts = [text for _kind, text in ALL]
    return {
        text: embedding.to_bytes(row)
        for text, row in zip(texts, embedding.embed(texts), strict=True)
    }


def store_vector(card: Card) -> None:
    """The card's real vector, as the task would have stored it."""
    CardVector.objects.update_or_create(
        card=card,
        defaults={
            "model": embedding.MODEL_ID,
            "text_hash": embedding.text_hash(card.text),
            "vector": vectors_by_text()[card.text],
        },
    )


def make_harvest(neighbourhood, rows=ALL, *, with_vectors=True, meeting=None) -> list[Card]:
    """A meeting of a new series (or `meeting`) with these cards, public and anonymous."""
    meeting = meeting or make_harvest_meeting(neighbourhood)
    cards = []
    for number, (kind, text) in enumerate(rows):
        extra = {}
        if kind == "action":
            extra = {"owner": _owner(meeting), "shared": True}
        card = make_card(
            meeting,
            text,
            kind=kind,
            table=meeting.tables.order_by("number")[number % 2],
            publication=Card.Publication.ANONYMOUS,
            **extra,
        )
        if with_vectors:
            store_vector(card)
        cards.append(card)
    return cards


def _owner(meeting):
    from tests.builders import make_person

    return make_person(meeting.organisation, first_name="Bram")
