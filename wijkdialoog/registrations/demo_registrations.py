"""Demo data: registrations for the demo meetings (fictional people).

The next Kersenbuurt meeting is full, with three people on the waiting list; the Rietveld meeting
has places left. Both are filled through `register()`, from several channels, online, by phone
and from paper, some with people who come along. The two past Kersenbuurt meetings get the
registrations they had, as history. Runs after the channel demo: context["channels"] ({kind:
Channel} of the Kersenbuurt series) is used when it is there.
"""

import datetime

from wijkdialoog.community.models import Person
from wijkdialoog.core import audit

from . import registering
from .models import Channel, Registration

Kind = Channel.Kind
Source = Registration.Source
Age = Registration.AgeGroup
Relation = Registration.Relation

# Fictional residents who are not in the community demo: (key, first, last, hood, language,
# email or "", phone or "").
RESIDENTS = [
    ("lieke", "Lieke", "Verbeek", "kersenbuurt", "nl", "lieke.verbeek@example.org", ""),
    ("ahmed", "Ahmed", "Benali", "kersenbuurt", "nl", "ahmed.benali@example.org", ""),
    ("olena", "Olena", "Kovalenko", "kersenbuurt", "en", "olena.kovalenko@example.org", ""),
    ("priya", "Priya", "Ramdin", "kersenbuurt", "nl", "priya.ramdin@example.org", ""),
    ("jan", "Jan", "Hendriks", "kersenbuurt", "nl", "", "06 1111 2233"),
    ("greetje", "Greetje", "Veenstra", "kersenbuurt", "nl", "", "0201 555 123"),
    ("marloes", "Marloes", "Kok", "kersenbuurt", "nl", "marloes.kok@example.org", ""),
    ("said", "Said", "Ouali", "kersenbuurt", "nl", "said.ouali@example.org", "06 2222 3344"),
    ("bas", "Bas", "Meijer", "kersenbuurt", "nl", "bas.meijer@example.org", ""),
    ("nadia", "Nadia", "El Amrani", "kersenbuurt", "nl", "nadia.elamrani@example.org", ""),
    ("ruud", "Ruud", "Schouten", "kersenbuurt", "nl", "ruud.schouten@example.org", ""),
    ("yasmina", "Yasmina", "Haddou", "kersenbuurt", "nl", "yasmina.haddou@example.org", ""),
    ("thijs", "Thijs", "Willemsen", "kersenbuurt", "nl", "thijs.willemsen@example.org", ""),
    ("ineke", "Ineke", "de Graaf", "kersenbuurt", "nl", "ineke.degraaf@example.org", ""),
    ("hamza", "Hamza", "Yilmaz", "kersenbuurt", "nl", "hamza.yilmaz@example.org", ""),
    ("aaltje", "Aaltje", "Bakker", "rietveld", "nl", "aaltje.bakker@example.org", ""),
    ("jorrit", "Jorrit", "Zijlstra", "rietveld", "nl", "", "06 3333 4455"),
    ("mirjam", "Mirjam", "Hof", "rietveld", "nl", "mirjam.hof@example.org", ""),
]

# The next Kersenbuurt meeting, in the order people registered: (person key, companions,
# channel kind or None, source, registered by (staff key) or None, optional facts).
KERSENBUURT_NEXT = [
    (
        "anneke",
        [],
        Kind.POSTER,
        Source.ONLINE,
        None,
        {"age_group": Age.AGE_65_PLUS, "relation": Relation.RESIDENT, "first_time": False},
    ),
    (
        "mohamed",
        ["Yasmin"],
        Kind.FLYER,
        Source.ONLINE,
        None,
        {
            "age_group": Age.AGE_45_64,
            "relation": Relation.RESIDENT,
            "languages": "Nederlands, Arabisch",
        },
    ),
    (
        "joke",
        ["Piet"],
        Kind.DOOR_TO_DOOR,
        Source.ONLINE,
        None,
        {
            "age_group": Age.AGE_65_PLUS,
            "access_needs": "Ik kom met een rollator.",
            "first_time": False,
        },
    ),
    ("hamza", [], Kind.SHARE, Source.ONLINE, None, {"age_group": Age.AGE_15_24}),
    (
        "daan",
        [],
        Kind.SHARE,
        Source.ONLINE,
        None,
        {"relation": Relation.RESIDENT, "first_time": True},
    ),
    (
        "fatma",
        ["Elif", "Zeynep"],
        Kind.PARTNER_NEWSLETTER,
        Source.ONLINE,
        None,
        {"age_group": Age.AGE_25_44, "languages": "Nederlands, Turks", "first_time": True},
    ),
    (
        "iris",
        [],
        Kind.SHARE,
        Source.ONLINE,
        None,
        {"age_group": Age.AGE_25_44, "languages": "English, a little Dutch", "first_time": True},
    ),
    (
        "tomasz",
        [],
        Kind.FLYER,
        Source.ONLINE,
        None,
        {"languages": "Polski, English", "relation": Relation.RESIDENT},
    ),
    ("ahmed", [], Kind.EMAIL_LIST, Source.ONLINE, None, {"relation": Relation.VOLUNTEER}),
    (
        "olena",
        [],
        Kind.EMAIL_LIST,
        Source.ONLINE,
        None,
        {"languages": "Українська, English", "first_time": True},
    ),
    ("lieke", [], Kind.POSTER, Source.ONLINE, None, {"age_group": Age.AGE_25_44}),
    ("priya", [], Kind.FLYER, Source.ONLINE, None, {"relation": Relation.PROFESSIONAL}),
    (
        "jan",
        [],
        Kind.DOOR_TO_DOOR,
        Source.PHONE,
        "begeleider",
        {
            "age_group": Age.AGE_65_PLUS,
            "access_needs": "Slechthorend: graag aan de tafel met de ringleiding.",
        },
    ),
    ("greetje", [], Kind.DOOR_TO_DOOR, Source.PAPER, "organisator", {"age_group": Age.AGE_65_PLUS}),
    ("marloes", [], Kind.SHARE, Source.ONLINE, None, {}),
    ("said", [], Kind.PARTNER_NEWSLETTER, Source.ONLINE, None, {"relation": Relation.RESIDENT}),
    ("bas", [], None, Source.ONLINE, None, {}),
    ("nadia", ["Sami"], Kind.POSTER, Source.ONLINE, None, {"first_time": True}),
    # Full from here on: the waiting list.
    ("ruud", [], Kind.FLYER, Source.ONLINE, None, {}),
    ("yasmina", ["Omar"], Kind.SHARE, Source.ONLINE, None, {}),
]
# Someone who registered early and cancelled again: their place went to the next person.
KERSENBUURT_NEXT_CANCELLED = "hamza"

RIETVELD_NEXT = [
    ("ria", [], Source.ONLINE, None, {"age_group": Age.AGE_65_PLUS, "first_time": False}),
    ("henk", ["Gerda"], Source.ONLINE, None, {"age_group": Age.AGE_65_PLUS}),
    ("sanne", [], Source.ONLINE, None, {"age_group": Age.AGE_25_44, "relation": Relation.RESIDENT}),
    ("gerrit", [], Source.PHONE, "greet", {"age_group": Age.AGE_65_PLUS}),
    ("aaltje", ["Klaas"], Source.ONLINE, None, {"first_time": True}),
    ("jorrit", [], Source.PHONE, "greet", {"age_group": Age.AGE_15_24}),
    ("mirjam", [], Source.ONLINE, None, {"relation": Relation.VOLUNTEER}),
]

# Past meetings, as history: (person key, companions, channel kind or None, source).
PAST = {
    "kersenbuurt_past_1": [
        ("anneke", [], Kind.POSTER, Source.ONLINE),
        ("mohamed", [], Kind.FLYER, Source.ONLINE),
        ("joke", ["Piet"], Kind.DOOR_TO_DOOR, Source.PHONE),
        ("daan", [], Kind.SHARE, Source.ONLINE),
        ("fatma", [], Kind.PARTNER_NEWSLETTER, Source.ONLINE),
        ("wim", [], Kind.DOOR_TO_DOOR, Source.PAPER),
        ("iris", [], Kind.SHARE, Source.ONLINE),
        ("thijs", [], Kind.POSTER, Source.ONLINE),
        ("ineke", [], Kind.FLYER, Source.ONLINE),
        ("hamza", [], Kind.SHARE, Source.ONLINE),
        ("lieke", [], Kind.POSTER, Source.ONLINE),
    ],
    "kersenbuurt_past_2": [
        ("anneke", [], Kind.POSTER, Source.ONLINE),
        ("mohamed", ["Yasmin"], Kind.FLYER, Source.ONLINE),
        ("joke", [], Kind.DOOR_TO_DOOR, Source.PHONE),
        ("wim", [], Kind.DOOR_TO_DOOR, Source.PAPER),
        ("tomasz", [], Kind.FLYER, Source.ONLINE),
        ("iris", [], Kind.SHARE, Source.ONLINE),
        ("thijs", [], Kind.POSTER, Source.ONLINE),
        ("ineke", [], Kind.FLYER, Source.ONLINE),
        ("hamza", [], Kind.SHARE, Source.ONLINE),
        ("priya", [], Kind.FLYER, Source.ONLINE),
        ("marloes", [], Kind.SHARE, Source.ONLINE),
        ("said", [], Kind.PARTNER_NEWSLETTER, Source.ONLINE),
        ("bas", [], None, Source.ONLINE),
        ("daan", [], Kind.SHARE, Source.ONLINE),
    ],
}
# What people told when they registered for the past meetings: (age group, relation, first time).
# No young people came: the series page names them as missing against the CBS figures.
PAST_FACTS = {
    "anneke": (Age.AGE_65_PLUS, Relation.RESIDENT, False),
    "mohamed": (Age.AGE_45_64, Relation.RESIDENT, True),
    "joke": (Age.AGE_65_PLUS, Relation.RESIDENT, False),
    "daan": (Age.AGE_25_44, Relation.RESIDENT, True),
    "fatma": (Age.AGE_25_44, Relation.RESIDENT, True),
    "wim": (Age.AGE_65_PLUS, Relation.RESIDENT, False),
    "iris": (Age.AGE_25_44, Relation.RESIDENT, True),
    "thijs": (Age.AGE_45_64, Relation.VOLUNTEER, False),
    "ineke": (Age.AGE_65_PLUS, Relation.RESIDENT, False),
    "hamza": (Age.AGE_25_44, Relation.RESIDENT, True),
    "lieke": (Age.AGE_25_44, Relation.RESIDENT, True),
    "tomasz": (Age.AGE_25_44, Relation.RESIDENT, True),
    "priya": (Age.AGE_25_44, Relation.PROFESSIONAL, True),
    "marloes": (Age.AGE_45_64, Relation.RESIDENT, True),
    "said": (Age.AGE_45_64, Relation.RESIDENT, False),
    "bas": (Age.AGE_65_PLUS, Relation.RESIDENT, True),
}
# Who cancelled before a past meeting.
PAST_CANCELLED = {"kersenbuurt_past_2": "daan"}


def load(context) -> None:
    meetings = context.objects.get("meetings")
    if not meetings:
        return
    people = dict(context["people"])
    people.update(_residents(context))
    channels = context.objects.get("channels") or {}
    # The demo command suppresses mail while loading: nobody reads made-up people's confirmations.
    for key, registrations in PAST.items():
        if key in meetings:
            _history(meetings[key], registrations, people, channels, PAST_CANCELLED.get(key))
    if "kersenbuurt_next" in meetings:
        _kersenbuurt_next(meetings["kersenbuurt_next"], people, channels)
    if "rietveld_next" in meetings:
        _rietveld_next(meetings["rietveld_next"], people)


def _residents(context) -> dict[str, Person]:
    organisation = context["organisation"]
    neighbourhoods = context["neighbourhoods"]
    made = {}
    for key, first, last, hood, language, email, phone in RESIDENTS:
        made[key] = Person.objects.create(
            organisation=organisation,
            first_name=first,
            last_name=last,
            email=email,
            phone=phone,
            language=language,
            neighbourhood=neighbourhoods.get(hood),
        )
    return made


def _register(meeting, person, *, companions, channel, source, registered_by, facts):
    return registering.register(
        meeting=meeting,
        first_name=person.first_name,
        email=person.email,
        phone=person.phone,
        channel=channel,
        source=source,
        registered_by=registered_by,
        companions=companions,
        language=person.language,
        **facts,
    )


def _kersenbuurt_next(meeting, people, channels) -> None:
    made = {}
    for key, companions, kind, source, by, facts in KERSENBUURT_NEXT:
        made[key] = _register(
            meeting,
            people[key],
            companions=companions,
            channel=channels.get(kind) if kind else None,
            source=source,
            registered_by=people[by].user if by else None,
            facts=facts,
        )
        if key == KERSENBUURT_NEXT_CANCELLED:
            registering.cancel(registration=made[key])


def _rietveld_next(meeting, people) -> None:
    poster = Channel.objects.filter(series=meeting.series).order_by("pk").first()
    for key, companions, source, by, facts in RIETVELD_NEXT:
        _register(
            meeting,
            people[key],
            companions=companions,
            channel=poster if source == Source.ONLINE else None,
            source=source,
            registered_by=people[by].user if by else None,
            facts=facts,
        )


def _history(meeting, registrations, people, channels, cancelled_key) -> None:
    """Registrations as they were before a meeting that has taken place (register() rightly
    refuses a meeting in the past)."""
    for index, (key, companions, kind, source) in enumerate(registrations):
        person = people[key]
        registered_at = meeting.starts_at - datetime.timedelta(days=20 - index, hours=index % 5)
        lead = _past_registration(
            meeting, person, channels.get(kind) if kind else None, source, registered_at
        )
        if key in PAST_FACTS:
            age_group, relation, first_time = PAST_FACTS[key]
            # Only the first meeting of the series someone came to was their first time.
            again = Registration.objects.filter(
                person=person,
                meeting__series=meeting.series,
                meeting__starts_at__lt=meeting.starts_at,
            ).exists()
            Registration.objects.filter(pk=lead.pk).update(
                age_group=age_group, relation=relation, first_time=first_time and not again
            )
        for name in companions:
            companion = Person.objects.create(
                organisation=person.organisation, first_name=name, language=person.language
            )
            _past_registration(meeting, companion, lead.channel, source, registered_at, lead=lead)
        if key == cancelled_key:
            Registration.objects.filter(pk=lead.pk).update(
                status=Registration.Status.CANCELLED,
                cancelled_at=meeting.starts_at - datetime.timedelta(days=2),
            )


def _past_registration(meeting, person, channel, source, registered_at, *, lead=None):
    registration = Registration.objects.create(
        meeting=meeting,
        person=person,
        party_lead=lead,
        channel=channel,
        source=source,
        consent_at=registered_at,
        consent_version=registering.CONSENT_VERSION,
        # The reminder went out before the meeting.
        reminder_sent_at=meeting.starts_at - datetime.timedelta(hours=48) if person.email else None,
    )
    Registration.objects.filter(pk=registration.pk).update(created_at=registered_at)
    audit.record(
        actor=None,
        actor_label="demo",
        action="registration.created",
        subject=registration,
        payload={"status": registration.status, "source": source},
    )
    return registration
