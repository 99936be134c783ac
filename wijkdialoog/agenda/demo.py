"""Demo data: the Kersenbuurt wijkagenda. An agenda built from the harvest with 25 statements
(each linked to the cards it came from), 140 voters who answered on their phones or on paper,
two recognisable opinion groups — neighbours who want quiet and safety first, and young
families and youngsters who want room to play and meet — the analysis, and the published
wijkagenda with one divisive item and the minority's condition recorded at the follow-up.
The vote was announced with a poster and a WhatsApp text, each with its own tracked link: the
announce page counts the voters who came through each.

The votes are drawn from a fixed random generator, so every `make demo` gives the same result.
"""

import datetime
import hashlib
import random
from typing import Any

from django.utils import timezone

from wijkdialoog.dialogues.models import Series
from wijkdialoog.harvest.models import Card

from .analysing import analyse_agenda
from .announce_channels import create_agenda_channel
from .models import Agenda, Statement, Vote, Voter
from .statements import add_statement, create_agenda
from .wijkagenda import add_item, publish, update_item

VOTERS = 140
QUIET_SHARE = 0.55
# (statement, English, start of a source card or "", support of the quiet group, of the lively
# group): the chance that someone of the group agrees; disagree otherwise, sometimes a pass.
STATEMENTS = [
    (
        "Er moet licht komen op het pad door het Kersenpark.",
        "There should be light on the path through the Kersenpark.",
        "Goed licht op het pad",
        0.92,
        0.88,
    ),
    (
        "We beginnen samen een buurtmoestuin in het Kersenpark.",
        "We start a community vegetable garden in the Kersenpark together.",
        "Een buurtmoestuin beginnen",
        0.8,
        0.85,
    ),
    (
        "Elk jaar een buurtfeest op het Kersenplein.",
        "A street party on the Kersenplein every year.",
        "Samen een buurtfeest",
        0.75,
        0.93,
    ),
    (
        "Er komt een vast aanspreekpunt voor de wijk.",
        "There is one contact person for the neighbourhood.",
        "Een vast aanspreekpunt",
        0.9,
        0.8,
    ),
    (
        "De oversteek bij de school aan de Kersenlaan moet veiliger.",
        "The crossing by the school on the Kersenlaan must be safer.",
        "Vraag aan de gemeente: de oversteek",
        0.93,
        0.9,
    ),
    (
        "Meer bankjes langs het pad in het park.",
        "More benches along the path in the park.",
        "Vraag aan de gemeente: kunnen er meer bankjes",
        0.9,
        0.7,
    ),
    (
        "Een belboom, zodat buren elkaar elke ochtend even spreken.",
        "A phone tree, so neighbours speak each morning.",
        "Een belboom",
        0.85,
        0.6,
    ),
    (
        "Een boekenkast in de hal van elke flat.",
        "A bookcase in the hall of every block of flats.",
        "Een kast in de hal",
        0.7,
        0.7,
    ),
    (
        "Een plek waar je zonder afspraak binnen kunt lopen.",
        "A place where you can walk in without an appointment.",
        "Meer plekken in de buurt",
        0.85,
        0.85,
    ),
    (
        "Buren helpen elkaar met de boodschappen als iemand ziek is.",
        "Neighbours help with the shopping when someone is ill.",
        "Ik had mijn heup gebroken",
        0.9,
        0.85,
    ),
    (
        "Een voetbaltoernooi voor jong en oud.",
        "A football tournament for young and old.",
        "Een voetbaltoernooi",
        0.55,
        0.95,
    ),
    (
        "Een hangplek voor jongeren op het Kersenplein, met licht en een bankje.",
        "A place for young people on the Kersenplein, with light and a bench.",
        "Een veilige plek voor jongeren",
        0.15,
        0.92,
    ),
    (
        "Het buurthuis blijft op vrijdag en zaterdag open tot elf uur 's avonds.",
        "The community centre stays open until eleven at night on Fridays and Saturdays.",
        "",
        0.2,
        0.88,
    ),
    (
        "Minder parkeerplaatsen in de straat, meer groen en speelruimte.",
        "Fewer parking places in the street, more green and room to play.",
        "",
        0.25,
        0.85,
    ),
    (
        "Harder optreden tegen groepjes die 's avonds bij het winkelcentrum staan.",
        "Act more firmly against groups hanging around the shopping centre at night.",
        "Iemand voelt zich niet veilig",
        0.9,
        0.25,
    ),
    (
        "Cameratoezicht bij de ingang van het park.",
        "Camera surveillance at the entrance of the park.",
        "",
        0.8,
        0.3,
    ),
    (
        "Jongeren mogen zelf meebeslissen over activiteiten in het buurthuis.",
        "Young people help decide on the activities in the community centre.",
        "Jongeren worden vaak gezien",
        0.45,
        0.95,
    ),
    (
        "Een taalmaatje voor buren die Nederlands leren.",
        "A language buddy for neighbours who learn Dutch.",
        "Ik wil graag meedoen",
        0.8,
        0.85,
    ),
    (
        "De gemeente laat elk half jaar zien wat er met onze vragen gebeurd is.",
        "Every six months the municipality shows what happened to our questions.",
        "Sommige bewoners vertrouwen",
        0.9,
        0.85,
    ),
    (
        "Een maaltijd op het plein waar iedereen iets meeneemt.",
        "A meal on the square where everyone brings something.",
        "Een gezamenlijke maaltijd",
        0.75,
        0.8,
    ),
    (
        "Rust in de straat na tien uur 's avonds.",
        "Quiet in the street after ten at night.",
        "",
        0.95,
        0.45,
    ),
    (
        "Een wandelgroep voor mensen die alleen zijn.",
        "A walking group for people who are on their own.",
        "Na de dood van mijn man",
        0.85,
        0.7,
    ),
    (
        "Wijkverpleging en wijkteam houden samen spreekuur in het buurthuis.",
        "District nurses and the wijkteam hold a joint surgery in the community centre.",
        "Ik werk als wijkverpleegkundige",
        0.85,
        0.75,
    ),
    ("Een speelstraat op woensdagmiddag.", "A play street on Wednesday afternoons.", "", 0.35, 0.9),
    (
        "Ik wil zelf een paar uur per maand helpen in de buurt.",
        "I want to help in the neighbourhood myself for a few hours a month.",
        "",
        0.65,
        0.7,
    ),
]


def load(context: Any) -> None:
    series = context["series"].get("kersenbuurt")
    if series is None:
        return
    organiser = context["people"]["organisator"].user
    agenda = _agenda(series, organiser)
    statements = _statements(agenda, series, organiser)
    _votes(agenda, statements, _channels(agenda, organiser))
    analyse_agenda(agenda)
    _wijkagenda(agenda, organiser, [statement for statement, _quiet, _lively in statements])
    context["agenda"] = agenda


def _agenda(series: Series, organiser: Any) -> Agenda:
    now = timezone.now()
    return create_agenda(
        series=series,
        actor=organiser,
        title="Wat moet voorrang krijgen in de Kersenbuurt?",
        title_en="What should come first in the Kersenbuurt?",
        introduction=(
            "Dit zeiden buren aan de tafels. Geef bij elke zin aan of u het eens bent. "
            "Zo zien we wat iedereen belangrijk vindt, en waar we anders over denken."
        ),
        introduction_en=(
            "This is what neighbours said at the tables. Say for each sentence whether you "
            "agree. Then we see what everyone finds important, and where we differ."
        ),
        opens_at=now - datetime.timedelta(days=21),
        closes_at=now - datetime.timedelta(days=2),
    )


def _statements(
    agenda: Agenda, series: Series, organiser: Any
) -> list[tuple[Statement, float, float]]:
    made = []
    for text, text_en, source, quiet, lively in STATEMENTS:
        cards = Card.objects.filter(meeting__series=series, text__startswith=source)[:1]
        statement = add_statement(
            agenda=agenda,
            actor=organiser,
            text=text,
            text_en=text_en,
            cards=list(cards) if source else [],
        )
        made.append((statement, quiet, lively))
    return made


def _channels(agenda: Agenda, organiser: Any) -> list[int]:
    """A poster in the community centre and a text for the neighbourhood's WhatsApp group."""
    made = [
        create_agenda_channel(agenda=agenda, actor=organiser, kind=kind, label=label)
        for kind, label in (("poster", "Poster buurthuis"), ("share", "WhatsApp buurtgroep"))
    ]
    return [item.channel_id for item in made]


def _channel_of(number: int, channel_ids: list[int]) -> int | None:
    """Every fourth voter came through the poster, every fourth through WhatsApp; the others
    through the direct link (and every tenth voted on paper)."""
    if number % 10 == 0 or number % 4 > 1:
        return None
    return channel_ids[number % 4]


def _votes(
    agenda: Agenda, statements: list[tuple[Statement, float, float]], channel_ids: list[int]
) -> None:
    rng = random.Random(2026)
    voters = Voter.objects.bulk_create(
        Voter(
            agenda=agenda,
            number=number,
            token_hash=hashlib.sha256(f"demo-{number}".encode()).hexdigest(),
            source=Voter.Source.PAPER if number % 10 == 0 else Voter.Source.ONLINE,
            channel_id=_channel_of(number, channel_ids),
        )
        for number in range(VOTERS)
    )
    votes = []
    for voter in voters:
        quiet = rng.random() < QUIET_SHARE
        seen = rng.sample(statements, rng.randint(12, len(statements)))
        for statement, quiet_support, lively_support in seen:
            support = quiet_support if quiet else lively_support
            draw = rng.random()
            value = (
                Vote.Value.PASS
                if draw > 0.93
                else (Vote.Value.AGREE if rng.random() < support else Vote.Value.DISAGREE)
            )
            votes.append(Vote(voter=voter, statement=statement, value=value))
    Vote.objects.bulk_create(votes)
    agenda.last_vote_at = agenda.closes_at
    agenda.save(update_fields=["last_vote_at"])


# The wijkagenda: what every group supports first, then the divisive hangplek with the Deep
# Democracy step recorded at the follow-up meeting.
PRIORITIES = [5, 1, 4, 2, 19]
DIVISIVE = 12
MINORITY = {
    "minority_view": (
        "Vooral oudere buren rond het Kersenplein. Zij zijn bang voor lawaai en rommel 's avonds "
        "laat, en voelen zich nu al niet altijd veilig op het plein."
    ),
    "minority_view_en": (
        "Mostly older neighbours around the Kersenplein. They fear noise and litter late at "
        "night, and already do not always feel safe on the square."
    ),
    "minority_needs": (
        "Een vaste plek aan de kant van het park, niet onder de ramen; goed licht; afspraken "
        "over tijden (tot tien uur); en een jongerenwerker die de eerste maanden meekijkt."
    ),
    "minority_needs_en": (
        "A fixed place on the park side, not under the windows; good light; agreed hours "
        "(until ten); and a youth worker who keeps an eye on it for the first months."
    ),
}


def _wijkagenda(agenda: Agenda, organiser: Any, statements: list[Statement]) -> None:
    by_number = {statement.number: statement for statement in statements}
    for number in PRIORITIES:
        add_item(agenda=agenda, actor=organiser, statement=by_number[number])
    item = add_item(agenda=agenda, actor=organiser, statement=by_number[DIVISIVE])
    update_item(
        item=item,
        actor=organiser,
        divisive=True,
        minority_recorded_at=timezone.localdate() - datetime.timedelta(days=1),
        **MINORITY,
    )
    publish(agenda=agenda, actor=organiser)
