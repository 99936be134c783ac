"""Demo data: the harvest of the two past Kersenbuurt meetings, and the next meetings ready to run.

Runs last, after the methods and registrations demos. The past meetings follow the waarderende
dialoog (the Kersenbuurt series' method): each table was run from opening to closing, with cards
in every phase, a closing note and a few evaluations. The cards are written for the demo, in
plain Dutch: stories, values, dreams, needs, ideas, personal actions (private to their owner;
one shared), plans to do together, questions for the municipality and the wijkteam, and concerns
that must not get lost. Some are internal only, some public without a name, and two
participants' cards still wait for approval. Puts "cards" ({meeting key: [Card]}) and "runs"
({meeting key: [TableRun]}) in the context.

Everything goes through the domain functions (with their audit entries); afterwards the moments
are set to when it happened during the meeting.
"""

import datetime
import uuid

from django.utils import timezone

from wijkdialoog.registrations.models import Registration

from . import capture, running
from .models import Card, Evaluation, TableRun

PUBLIC = Card.Publication.PUBLIC
ANONYMOUS = Card.Publication.ANONYMOUS
INTERNAL = Card.Publication.INTERNAL

# Phases of the waarderende dialoog, by position.
OPENING, KENNISMAKEN, ERVARINGEN, DROMEN, DOEN, AFRONDING = 1, 2, 3, 4, 5, 6

# (table, phase, kind, text, publication, extra): extra may hold "name" (the first name of a
# person at the table is written on the card), "owner" (a personal action of someone at the
# table), "shared" (the owner shared it), "participant" (sent through the QR code, still waiting
# for the facilitator's approval).
HARVEST = {
    "kersenbuurt_past_1": [
        (
            1,
            OPENING,
            "quote",
            "Ik kom hier om mijn buren beter te leren kennen.",
            PUBLIC,
            {"name": 1},
        ),
        (
            1,
            KENNISMAKEN,
            "experience",
            "Ik woon al veertig jaar in de Kersenbuurt. Vroeger kende ik iedereen in mijn straat. "
            "Nu ken ik nog maar een paar mensen.",
            PUBLIC,
            {"name": 2},
        ),
        (
            1,
            KENNISMAKEN,
            "value",
            "Thuis is voor mij: dat iemand merkt als je er een paar dagen niet bent.",
            ANONYMOUS,
            {"name": 3},
        ),
        (
            1,
            ERVARINGEN,
            "experience",
            "Ik had mijn heup gebroken. De buurjongen deed twee weken lang mijn boodschappen. "
            "Dat vergeet ik nooit.",
            PUBLIC,
            {"name": 2},
        ),
        (
            1,
            ERVARINGEN,
            "experience",
            "Op de eerste warme dag zet iemand in ons portiek stoelen buiten. Dan komt iedereen "
            "even zitten.",
            ANONYMOUS,
            {},
        ),
        (
            1,
            ERVARINGEN,
            "value",
            "Elkaar groeten. Het lijkt klein, maar het maakt veel verschil.",
            PUBLIC,
            {"name": 4},
        ),
        (
            1,
            ERVARINGEN,
            "quote",
            "In de flat hoor je alles van elkaar, maar je weet niets van elkaar.",
            ANONYMOUS,
            {},
        ),
        (
            1,
            DROMEN,
            "dream",
            "Een buurtpark waar jong en oud elkaar ontmoeten. Met bankjes in de schaduw en een "
            "plek voor koffie.",
            PUBLIC,
            {"name": 1},
        ),
        (
            1,
            DROMEN,
            "need",
            "Een plek om binnen af te spreken die weinig kost. Niet iedereen kan naar een café.",
            ANONYMOUS,
            {},
        ),
        (
            1,
            DOEN,
            "action",
            "Ik nodig mijn nieuwe bovenburen uit voor een kop koffie.",
            ANONYMOUS,
            {"owner": 2},
        ),
        (
            1,
            DOEN,
            "action",
            "Ik maak een briefje met mijn telefoonnummer voor de buren in mijn portiek.",
            INTERNAL,
            {"owner": 3},
        ),
        (
            1,
            DOEN,
            "idea",
            "Een kast in de hal van de flat. Daar kun je boeken en spullen ruilen.",
            PUBLIC,
            {"name": 4},
        ),
        (
            1,
            DOEN,
            "question",
            "Vraag aan de gemeente: kunnen er meer bankjes komen langs het pad in het Kersenpark? "
            "Voor ouderen is de wandeling nu te lang zonder plek om te rusten.",
            ANONYMOUS,
            {},
        ),
        (
            1,
            AFRONDING,
            "concern",
            "Niet iedereen voelt zich welkom in het buurthuis. Sommige mensen denken dat het "
            "alleen voor ouderen is.",
            INTERNAL,
            {},
        ),
        (1, AFRONDING, "quote", "Ik ga naar huis met een warm gevoel.", PUBLIC, {"name": 1}),
        (
            2,
            KENNISMAKEN,
            "experience",
            "Ik woon hier pas een jaar. Toen we net verhuisd waren, bracht de buurvrouw een pan "
            "soep. Zo voelde ik me meteen welkom.",
            PUBLIC,
            {"name": 1},
        ),
        (
            2,
            KENNISMAKEN,
            "value",
            "Thuis is waar je kinderen veilig buiten kunnen spelen.",
            ANONYMOUS,
            {"name": 2},
        ),
        (
            2,
            ERVARINGEN,
            "experience",
            "Met het Suikerfeest bracht ik koekjes naar de buren. Een week later kreeg ik "
            "appeltaart terug.",
            ANONYMOUS,
            {},
        ),
        (2, ERVARINGEN, "quote", "Het begint met één keer aanbellen.", PUBLIC, {"name": 3}),
        (
            2,
            DROMEN,
            "dream",
            "Een buurtfeest op het Kersenplein, met eten uit alle landen van de mensen die hier "
            "wonen.",
            PUBLIC,
            {"name": 2},
        ),
        (
            2,
            DROMEN,
            "need",
            "Ik wil graag meedoen, maar mijn Nederlands is nog niet zo goed. Ik heb iemand nodig "
            "die me helpt.",
            INTERNAL,
            {},
        ),
        (
            2,
            DOEN,
            "initiative",
            "Samen een buurtfeest maken op het Kersenplein, in juni. Drie mensen aan deze tafel "
            "willen helpen.",
            PUBLIC,
            {},
        ),
        (
            2,
            DOEN,
            "action",
            "Ik vraag of ik mag helpen bij de koffieochtend in het buurthuis.",
            ANONYMOUS,
            {"owner": 1},
        ),
        (
            2,
            DOEN,
            "question",
            "Vraag aan de gemeente: de oversteek bij de Kersenlaan, bij de school, is gevaarlijk. "
            "Kan daar een zebrapad of een drempel komen?",
            PUBLIC,
            {"name": 4},
        ),
        (
            2,
            AFRONDING,
            "concern",
            "Er zaten vanavond geen jongeren aan tafel. Wie vraagt hen wat zij nodig hebben?",
            ANONYMOUS,
            {},
        ),
        (
            2,
            AFRONDING,
            "quote",
            "Fijn dat iedereen mocht uitpraten.",
            ANONYMOUS,
            {"participant": True},
        ),
    ],
    "kersenbuurt_past_2": [
        (1, OPENING, "quote", "Ik wil vanavond vooral luisteren.", ANONYMOUS, {}),
        (
            1,
            KENNISMAKEN,
            "value",
            "Voor mij betekent thuis: je mag zijn wie je bent.",
            PUBLIC,
            {"name": 1},
        ),
        (
            1,
            KENNISMAKEN,
            "experience",
            "Ik ben in deze straat opgegroeid. Nu woon ik er weer, met mijn eigen kinderen.",
            ANONYMOUS,
            {"name": 2},
        ),
        (
            1,
            ERVARINGEN,
            "experience",
            "Na de storm lagen er bomen op straat. De hele straat ging samen zagen en opruimen. "
            "Daarna dronken we samen koffie op de stoep.",
            PUBLIC,
            {"name": 3},
        ),
        (
            1,
            ERVARINGEN,
            "value",
            "Samen iets doen verbindt meer dan samen praten.",
            ANONYMOUS,
            {},
        ),
        (
            1,
            ERVARINGEN,
            "quote",
            "Je hoeft niet elkaars vriend te zijn om voor elkaar te zorgen.",
            PUBLIC,
            {"name": 2},
        ),
        (
            1,
            DROMEN,
            "dream",
            "Een moestuin in het Kersenpark. Buren kweken en oogsten er samen groente.",
            PUBLIC,
            {"name": 4},
        ),
        (
            1,
            DROMEN,
            "need",
            "Een vast aanspreekpunt in de wijk, zodat je weet bij wie je terecht kunt.",
            ANONYMOUS,
            {},
        ),
        (
            1,
            DOEN,
            "initiative",
            "Een buurtmoestuin beginnen in het Kersenpark. Vier mensen willen meedoen. Eerst "
            "vragen we de gemeente om toestemming.",
            PUBLIC,
            {},
        ),
        (
            1,
            DOEN,
            "action",
            "Ik maak een lijst van iedereen die mee wil doen met de moestuin.",
            ANONYMOUS,
            {"owner": 4, "shared": True},
        ),
        (
            1,
            DOEN,
            "action",
            "Ik bel deze week mijn oude buurman. Hij woont nu in het verzorgingshuis.",
            INTERNAL,
            {"owner": 1},
        ),
        (
            1,
            DOEN,
            "question",
            "Vraag aan de gemeente: mogen we een stuk grond in het Kersenpark gebruiken voor een "
            "buurtmoestuin? En wie betaalt het water?",
            PUBLIC,
            {"name": 4},
        ),
        (
            1,
            AFRONDING,
            "concern",
            "Iemand voelt zich niet veilig op straat als het donker is, door groepjes bij het "
            "winkelcentrum. Hij wil dat dit niet openbaar wordt.",
            INTERNAL,
            {},
        ),
        (
            1,
            DOEN,
            "idea",
            "Een appgroep per straat. Dan kun je snel hulp vragen aan je buren.",
            ANONYMOUS,
            {"participant": True},
        ),
        (
            2,
            KENNISMAKEN,
            "experience",
            "Ik werk als wijkverpleegkundige en kom in veel huizen. Ik zie hoeveel mensen alleen "
            "zijn.",
            PUBLIC,
            {"name": 1},
        ),
        (
            2,
            KENNISMAKEN,
            "value",
            "Rust. Dat je je eigen plek hebt, en toch niet alleen bent.",
            ANONYMOUS,
            {},
        ),
        (
            2,
            ERVARINGEN,
            "experience",
            "Na de dood van mijn man was ik eenzaam. Een buurvrouw nam me mee naar de "
            "wandelgroep. Nu loop ik elke dinsdag mee.",
            ANONYMOUS,
            {"name": 2},
        ),
        (
            2,
            ERVARINGEN,
            "quote",
            "Eén iemand die naar je omkijkt, is genoeg om de dag door te komen.",
            PUBLIC,
            {"name": 2},
        ),
        (
            2,
            ERVARINGEN,
            "value",
            "Omkijken naar elkaar, zonder dat het moet.",
            PUBLIC,
            {"name": 3},
        ),
        (
            2,
            DROMEN,
            "dream",
            "In elke straat wonen een paar mensen die weten wie hulp nodig heeft. Zij zorgen dat "
            "die hulp komt.",
            ANONYMOUS,
            {},
        ),
        (
            2,
            DROMEN,
            "need",
            "Meer plekken in de buurt waar je zonder afspraak binnen kunt lopen.",
            PUBLIC,
            {"name": 3},
        ),
        (
            2,
            DOEN,
            "idea",
            "Een belboom: buren die elkaar elke ochtend even bellen of een berichtje sturen.",
            ANONYMOUS,
            {},
        ),
        (
            2,
            DOEN,
            "action",
            "Ik ga op dinsdag mee met de wandelgroep.",
            ANONYMOUS,
            {"owner": 3},
        ),
        (
            2,
            DOEN,
            "question",
            "Vraag aan het wijkteam: hoe kun je als buur zeggen dat je je zorgen maakt om "
            "iemand, zonder dat het voelt als klikken?",
            ANONYMOUS,
            {},
        ),
        (
            2,
            AFRONDING,
            "concern",
            "Sommige bewoners vertrouwen de gemeente niet meer sinds de renovatie van de flats. "
            "Zij komen niet naar avonden als deze.",
            ANONYMOUS,
            {},
        ),
        (
            2,
            AFRONDING,
            "quote",
            "Ik had niet gedacht dat ik vanavond zo veel zou vertellen.",
            PUBLIC,
            {"name": 1},
        ),
        (
            3,
            KENNISMAKEN,
            "experience",
            "Ik ben zeventien en woon hier al mijn hele leven. Ik voetbal elke dag op het veldje "
            "achter de flat.",
            PUBLIC,
            {"name": 1},
        ),
        (
            3,
            KENNISMAKEN,
            "value",
            "Thuis is waar je niet hoeft uit te leggen wie je bent.",
            ANONYMOUS,
            {},
        ),
        (
            3,
            ERVARINGEN,
            "experience",
            "Ons voetbalveldje was kapot. Samen met de buurtsportcoach hebben we de doelen zelf "
            "opgeknapt.",
            PUBLIC,
            {"name": 1},
        ),
        (
            3,
            ERVARINGEN,
            "quote",
            "Jongeren worden vaak gezien als het probleem. Maar wij willen ook meedoen.",
            ANONYMOUS,
            {"name": 2},
        ),
        (
            3,
            DROMEN,
            "dream",
            "Een veilige plek voor jongeren om 's avonds te zijn. Met licht en een bankje, en "
            "niemand stuurt je weg.",
            PUBLIC,
            {"name": 2},
        ),
        (
            3,
            DROMEN,
            "need",
            "Goed licht op het pad door het park. Nu loop ik daar 's avonds liever niet.",
            ANONYMOUS,
            {},
        ),
        (
            3,
            DOEN,
            "initiative",
            "Een voetbaltoernooi voor de hele buurt, jong en oud door elkaar. De "
            "buurtsportcoach wil helpen.",
            PUBLIC,
            {},
        ),
        (
            3,
            DOEN,
            "action",
            "Ik vraag twee vrienden om mee te gaan naar de volgende wijkdialoog.",
            ANONYMOUS,
            {"owner": 1},
        ),
        (
            3,
            DOEN,
            "question",
            "Vraag aan de gemeente: kan er verlichting komen op het fietspad door het Kersenpark?",
            PUBLIC,
            {"name": 3},
        ),
        (
            3,
            AFRONDING,
            "concern",
            "Ik ben bang dat er weer niets gebeurt met wat we hier zeggen.",
            ANONYMOUS,
            {},
        ),
        (
            3,
            AFRONDING,
            "quote",
            "Fijn dat er ook jongeren aan tafel zaten.",
            PUBLIC,
            {"participant": True},
        ),
    ],
}

CLOSING_NOTES = {
    ("kersenbuurt_past_1", 1): (
        "Open gesprek met veel verhalen over vroeger en nu. Twee mensen willen de ruilkast in "
        "de flat uitzoeken. De vraag over bankjes in het park gaat naar de wijkmanager."
    ),
    ("kersenbuurt_past_1", 2): (
        "Warme tafel, veel nieuwe bewoners. Het buurtfeest in juni heeft drie trekkers. "
        "Iemand wil meedoen maar heeft hulp met de taal nodig: organisator belt na."
    ),
    ("kersenbuurt_past_2", 1): (
        "De moestuin gaf veel energie. Lijst van deelnemers wordt gedeeld. Eén zorg over "
        "veiligheid in het donker is intern genoteerd, op verzoek van de bewoner."
    ),
    ("kersenbuurt_past_2", 2): (
        "Rustig en persoonlijk gesprek over alleen zijn en omkijken naar elkaar. Vraag voor het "
        "wijkteam meegenomen. Niet iedereen vertrouwt de gemeente: volgende keer bespreken."
    ),
    ("kersenbuurt_past_2", 3): (
        "Jonge tafel met goede ideeën. Voetbaltoernooi en verlichting in het park. Zorg dat we "
        "terugkoppelen wat er met hun vragen gebeurt."
    ),
}

# (meeting, table, rating, met someone new, what they take with them)
# (meeting, table, rating, spoke with new people, more connected, view changed, exchanged
# contacts, grade, takeaway): the four outcomes of the Amsterdam Dag van de Dialoog and a grade.
EVALUATIONS = [
    (
        "kersenbuurt_past_1",
        1,
        4,
        "yes",
        "yes",
        "no",
        "yes",
        8,
        "Dat mijn buren ook graag meer contact willen.",
    ),
    ("kersenbuurt_past_1", 1, 3, "no", "unsure", "no", "", 7, "Ik ga vaker groeten."),
    (
        "kersenbuurt_past_1",
        2,
        4,
        "yes",
        "yes",
        "yes",
        "yes",
        9,
        "Nieuwe mensen leren kennen uit mijn eigen straat.",
    ),
    ("kersenbuurt_past_1", 2, 3, "unsure", "", "", "", None, ""),
    ("kersenbuurt_past_2", 1, 4, "yes", "yes", "unsure", "yes", 9, "Zin in de moestuin!"),
    ("kersenbuurt_past_2", 1, 3, "yes", "yes", "yes", "no", 8, "Dat samen iets doen echt helpt."),
    (
        "kersenbuurt_past_2",
        2,
        4,
        "no",
        "yes",
        "no",
        "no",
        8,
        "Het was fijn om mijn verhaal te vertellen.",
    ),
    (
        "kersenbuurt_past_2",
        2,
        2,
        "no",
        "no",
        "no",
        "no",
        5,
        "Ik had graag meer tijd gehad om te praten.",
    ),
    (
        "kersenbuurt_past_2",
        3,
        4,
        "yes",
        "yes",
        "yes",
        "yes",
        10,
        "Dat volwassenen ook naar ons luisteren.",
    ),
]

UPCOMING = ["kersenbuurt_next", "rietveld_next"]


def load(context) -> None:
    meetings = context.objects.get("meetings") or {}
    cards: dict[str, list[Card]] = {}
    runs: dict[str, list[TableRun]] = {}
    for key, rows in HARVEST.items():
        if key in meetings:
            runs[key], cards[key] = _harvest(key, meetings[key], rows)
    for key in UPCOMING:
        if key in meetings:
            # Ready to run: the QR sheets can be printed; the facilitators start on the night.
            runs[key] = [
                running.prepare_run(table=table, actor=None)
                for table in meetings[key].tables.order_by("number")
            ]
    context["cards"] = cards
    context["runs"] = runs


def _people_at(table) -> list:
    """The people who sat at the table, in a fixed order."""
    return [
        registration.person
        for registration in Registration.objects.filter(
            table=table, status=Registration.Status.CONFIRMED
        )
        .select_related("person")
        .order_by("created_at", "pk")
    ]


def _pick(people: list, number: int | None):
    if not number or not people:
        return None
    return people[(number - 1) % len(people)]


def _harvest(key, meeting, rows) -> tuple[list[TableRun], list[Card]]:
    tables = {table.number: table for table in meeting.tables.select_related("facilitator")}
    made_runs, made_cards = [], []
    for number, table in sorted(tables.items()):
        table_rows = [row for row in rows if row[0] == number]
        if not table_rows:
            continue
        run, table_cards = _run_table(key, meeting, table, table_rows)
        made_runs.append(run)
        made_cards.extend(table_cards)
    return made_runs, made_cards


def _run_table(key, meeting, table, rows) -> tuple[TableRun, list[Card]]:
    harvester = table.harvester or table.facilitator
    actor = harvester.user if harvester and harvester.user_id else None
    facilitator = table.facilitator.user if table.facilitator and table.facilitator.user else None
    people = _people_at(table)

    run = running.start_run(table=table, actor=facilitator)
    phases = {phase.position: phase for phase in run.method.phases.all()}
    # The conversation starts a quarter of an hour after the doors open and every phase takes
    # its minutes; the cards are dated in their phase.
    start = meeting.starts_at + datetime.timedelta(minutes=15)
    phase_starts, moment = {}, start
    for position in sorted(phases):
        phase_starts[position] = moment
        moment += datetime.timedelta(minutes=phases[position].minutes)

    made = []
    in_phase: dict[int, int] = {}
    for _table, position, kind, text, publication, extra in rows:
        participant = extra.get("participant", False)
        owner = _pick(people, extra.get("owner"))
        named = _pick(people, extra.get("name"))
        card = capture.add_card(
            table=table,
            client_id=uuid.uuid4(),
            kind=kind,
            text=text,
            phase=phases.get(position),
            first_name=(named or owner).first_name if (named or owner) else "",
            publication=publication,
            source=Card.Source.PARTICIPANT if participant else Card.Source.FACILITATOR,
            actor=None if participant else actor,
            owner=owner,
        )
        if extra.get("shared") and owner is not None:
            card = capture.set_action_shared(card=card, shared=True, actor=None)
        in_phase[position] = in_phase.get(position, 0) + 1
        at = phase_starts.get(position, start) + datetime.timedelta(minutes=2 * in_phase[position])
        Card.objects.filter(pk=card.pk).update(created_at=at, updated_at=at)
        made.append(card)

    for _position in sorted(phases)[1:]:
        running.go_to_phase(run=run, direction=running.NEXT, actor=facilitator)
    running.close_run(
        run=run, closing_note=CLOSING_NOTES.get((key, table.number), ""), actor=facilitator
    )
    last = max(phases)
    TableRun.objects.filter(pk=run.pk).update(
        started_at=start,
        phase_started_at=phase_starts[last],
        closed_at=min(meeting.ends_at, timezone.now()),
    )
    _evaluate(key, meeting, table)
    run.refresh_from_db()
    return run, made


def _evaluate(key, meeting, table) -> None:
    """The short evaluations handed in at this table, dated at the end of the meeting."""
    for row in EVALUATIONS:
        meeting_key, number, rating, met, connected, changed, contacts, grade, takeaway = row
        if meeting_key == key and number == table.number:
            evaluation, _created = capture.add_evaluation(
                table=table,
                client_id=uuid.uuid4(),
                rating=rating,
                met_someone_new=met,
                feel_more_connected=connected,
                view_changed=changed,
                exchanged_contacts=contacts,
                grade=grade,
                takeaway=takeaway,
            )
            Evaluation.objects.filter(pk=evaluation.pk).update(
                created_at=meeting.ends_at, updated_at=meeting.ends_at
            )
