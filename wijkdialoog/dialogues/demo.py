"""Demo data: venues, two dialogue series, their meetings and tables (fictional, for the demo).

Dates are relative to today, so the demo always has meetings behind it and ahead of it. Puts in
the context: "venues", "series", "meetings" and "tables" (per meeting key), for later apps.
"""

import datetime

from django.utils import timezone

from . import planning
from .models import Meeting, Table

Kind = Meeting.Kind
Language = Table.Language

VENUES = {
    "kersenboom": {
        "name": "Buurthuis De Kersenboom",
        "street_address": "Kersenplein 12",
        "postcode": "1234 KB",
        "city": "Westerlaan",
        "step_free_entrance": True,
        "accessible_toilet": True,
        "hearing_loop": True,
        "quiet_room": False,
        "public_transport": "Bus 15, halte Kersenplein. Daarna 2 minuten lopen.",
        "notes": "De zaal is op de begane grond. Je kunt gratis parkeren op het plein.",
        "public_transport_en": "Bus 15, stop Kersenplein, then a 2-minute walk.",
        "notes_en": "The room is on the ground floor. You can park for free on the square.",
    },
    "rietkraag": {
        "name": "Dorpshuis De Rietkraag",
        "street_address": "Dorpsstraat 4",
        "postcode": "1235 RV",
        "city": "Rietveld",
        "step_free_entrance": True,
        "accessible_toilet": False,
        "hearing_loop": False,
        "quiet_room": True,
        "public_transport": "Buurtbus 512, halte Kerkbrink. Daarna 3 minuten lopen.",
        "notes": "Gebruik de hoofdingang aan de Dorpsstraat. Bij de zij-ingang is een drempel.",
    },
}

KERSENBUURT = {
    "theme": "Thuis in de Kersenbuurt",
    "slug": "thuis-in-de-kersenbuurt",
    "description": (
        "In deze wijkdialoog praten buren met elkaar over thuis zijn in de Kersenbuurt. "
        "Wanneer voel je je hier thuis? Wat gaat er goed in de wijk? En wat kun je zelf doen, "
        "of samen met anderen?\n\n"
        "Iedereen die in de Kersenbuurt woont of werkt, is welkom. Je hoeft niets voor te "
        "bereiden. Elke acht weken is er een nieuwe ronde."
    ),
    # The Kersenbuurt has an English table, so its public texts are in English too; Rietveld's
    # are not, and show the Dutch text marked as Dutch on English pages.
    "theme_en": "At home in the Kersenbuurt",
    "description_en": (
        "In this neighbourhood dialogue, neighbours talk about feeling at home in the "
        "Kersenbuurt. When do you feel at home here? What goes well? And what can you do "
        "yourself, or together with others?\n\n"
        "Everyone who lives or works in the Kersenbuurt is welcome. You do not need to prepare "
        "anything. There is a new round every eight weeks."
    ),
    "cadence_weeks": 8,
}

RIETVELD = {
    "theme": "Erbij horen in Rietveld",
    "slug": "erbij-horen",
    "description": (
        "Hoe zorgen we ervoor dat iedereen in Rietveld erbij hoort? Nieuwe bewoners, jongeren "
        "en mensen die hier al hun hele leven wonen, praten samen over wat het dorp fijn maakt. "
        "En over wat we samen kunnen doen."
    ),
    "cadence_weeks": 10,
}

EXPECT_EVENING = (
    "Vanaf 19.00 uur staan koffie en thee klaar. Om 19.15 uur gaan we aan tafel. "
    "Je praat aan een kleine tafel met zes tot acht buren. Een getrainde gespreksleider "
    "helpt het gesprek op gang.\n\n"
    "Je vertelt over je eigen ervaringen. Er is geen discussie en niemand geeft advies. "
    "Je luistert naar elkaar en je stelt vragen. Om 21.30 uur zijn we klaar.\n\n"
    "Meedoen is gratis. Je hoeft niets voor te bereiden."
)

EXPECT_EVENING_EN = (
    "Coffee and tea are ready from 19.00. At 19.15 we sit down. You talk at a small table "
    "with six to eight neighbours. A trained facilitator helps the conversation along. One "
    "table speaks English.\n\n"
    "You talk about your own experiences. There is no debate and nobody gives advice. You "
    "listen to each other and ask questions. We finish at 21.30.\n\n"
    "Taking part is free. You do not need to prepare anything."
)

EXPECT_FIRST = (
    "Dit is de eerste bijeenkomst. We maken kennis met elkaar en met de manier van praten. "
    "Je vertelt wat thuis zijn in de Kersenbuurt voor jou betekent.\n\n"
    "Koffie en thee staan klaar vanaf 19.00 uur. Om 21.30 uur zijn we klaar."
)

EXPECT_RIETVELD = (
    "We beginnen om 14.00 uur met koffie, thee en iets lekkers. Daarna praat je aan een tafel "
    "met zes tot acht dorpsgenoten. Wat betekent erbij horen voor jou? Wanneer voelde je je "
    "echt welkom in Rietveld?\n\n"
    "Er is geen discussie en niemand geeft advies. Om 16.30 uur zijn we klaar. "
    "Kinderen mogen mee; er is een hoek met speelgoed."
)

# (meeting key, table number, name, seats, language, facilitator prefix, harvester key)
TABLES = [
    ("kersenbuurt_past_1", 1, "", 8, Language.DUTCH, "begeleider", None),
    ("kersenbuurt_past_1", 2, "", 8, Language.DUTCH, "kofi", None),
    ("kersenbuurt_past_2", 1, "", 8, Language.DUTCH, "begeleider", "lotte"),
    ("kersenbuurt_past_2", 2, "", 8, Language.DUTCH, "kofi", None),
    ("kersenbuurt_past_2", 3, "", 6, Language.DUTCH, "yusuf", None),
    ("kersenbuurt_next", 1, "Tafel bij het raam", 8, Language.DUTCH, "begeleider", "lotte"),
    ("kersenbuurt_next", 2, "", 8, Language.DUTCH, "kofi", None),
    ("kersenbuurt_next", 3, "English table", 6, Language.ENGLISH, "yusuf", None),
    ("kersenbuurt_later", 1, "", 8, Language.DUTCH, "begeleider", None),
    ("kersenbuurt_later", 2, "", 8, Language.DUTCH, "kofi", None),
    ("rietveld_next", 1, "", 8, Language.DUTCH, "greet", "bram"),
    ("rietveld_next", 2, "", 8, Language.DUTCH, "kofi", None),
]


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    zone = timezone.get_current_timezone()
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=zone)


def load(context) -> None:
    organisation = context["organisation"]
    people = context["people"]
    venues = {
        key: planning.create_venue(organisation=organisation, actor=None, **fields)
        for key, fields in VENUES.items()
    }
    context["venues"] = venues
    context["series"] = _load_series(context["neighbourhoods"], people)
    meetings = _load_meetings(context["series"], venues)
    context["meetings"] = meetings
    tables: dict[str, list[Table]] = {key: [] for key in meetings}
    for key, number, name, seats, language, facilitator, harvester in TABLES:
        tables[key].append(
            planning.save_table(
                meeting=meetings[key],
                actor=None,
                number=number,
                name=name,
                seats=seats,
                language=language,
                facilitator=people[facilitator],
                harvester=people[harvester] if harvester else None,
            )
        )
    context["tables"] = tables


def _load_series(neighbourhoods, people) -> dict:
    series = {
        "kersenbuurt": planning.create_series(
            neighbourhood=neighbourhoods["kersenbuurt"],
            actor=None,
            initiators=[people["anneke"], people["mohamed"]],
            **KERSENBUURT,
        ),
        "rietveld": planning.create_series(
            neighbourhood=neighbourhoods["rietveld"],
            actor=None,
            initiators=[people["ria"]],
            **RIETVELD,
        ),
    }
    return series


def _load_meetings(series, venues) -> dict:
    now = timezone.now()
    today = timezone.localdate()
    cadence = datetime.timedelta(weeks=8)
    next_day = today + datetime.timedelta(days=10)
    evening = datetime.timedelta(hours=2, minutes=30)
    plans = {
        "kersenbuurt_past_1": (next_day - 2 * cadence, Kind.KENNISMAKING, EXPECT_FIRST),
        "kersenbuurt_past_2": (next_day - cadence, Kind.DIALOGUE, EXPECT_EVENING),
        "kersenbuurt_next": (next_day, Kind.DIALOGUE, EXPECT_EVENING),
        "kersenbuurt_later": (next_day + cadence, Kind.DEEPENING, EXPECT_EVENING),
    }
    meetings = {}
    for key, (day, kind, expect) in plans.items():
        starts = _at(day, 19)
        # The later round is ready but not public yet: it is announced four weeks before.
        publish_at = starts - datetime.timedelta(weeks=4)
        if key == "kersenbuurt_next":
            publish_at = now - datetime.timedelta(days=14)
        meetings[key] = planning.create_meeting(
            series=series["kersenbuurt"],
            actor=None,
            kind=kind,
            starts_at=starts,
            ends_at=starts + evening,
            venue=venues["kersenboom"],
            what_to_expect=expect,
            what_to_expect_en=EXPECT_EVENING_EN if expect is EXPECT_EVENING else "",
            publish_at=publish_at,
            registration_closes_at=starts - datetime.timedelta(hours=3),
        )
    rietveld_starts = _at(today + datetime.timedelta(days=24), 14)
    meetings["rietveld_next"] = planning.create_meeting(
        series=series["rietveld"],
        actor=None,
        kind=Kind.KENNISMAKING,
        starts_at=rietveld_starts,
        ends_at=rietveld_starts + evening,
        venue=venues["rietkraag"],
        what_to_expect=EXPECT_RIETVELD,
        publish_at=now - datetime.timedelta(days=7),
    )
    return meetings
