"""Demo data: a fictional welfare foundation in a fictional municipality, written for the demo."""

import datetime
from typing import Any

from django.utils import timezone

from .models import Membership, Neighbourhood, Organisation, Person, User

Role = Membership.Role
DEMO_SLUG = "buurtwerk-de-brug"

NEIGHBOURHOODS = [
    (
        "kersenbuurt",
        "Kersenbuurt",
        Neighbourhood.Kind.WIJK,
        "WK999901",
        "Een wijk uit de jaren zestig met flats, eengezinswoningen en een groot buurtpark.",
    ),
    (
        "rietveld",
        "Rietveld",
        Neighbourhood.Kind.DORP,
        "",
        "Een dorp aan het water, met een dorpshuis, een basisschool en veel verenigingen.",
    ),
]

# (first name, last name, email prefix, neighbourhood, roles, extra)
STAFF: list[tuple[str, str, str, str | None, list[str], dict[str, Any]]] = [
    ("Samira", "El Idrissi", "organisator", "kersenbuurt", [Role.ORGANISER], {}),
    ("Joost", "de Vries", "joost", "rietveld", [Role.ORGANISER], {}),
    ("Marieke", "Bosman", "trainer", None, [Role.TRAINER], {}),
    ("Fenna", "Jansen", "begeleider", "kersenbuurt", [Role.FACILITATOR], {"trained_days_ago": 410}),
    ("Kofi", "Mensah", "kofi", "kersenbuurt", [Role.FACILITATOR], {"trained_days_ago": 230}),
    ("Greet", "Hoekstra", "greet", "rietveld", [Role.FACILITATOR], {"trained_days_ago": 120}),
    ("Yusuf", "Demir", "yusuf", "kersenbuurt", [Role.FACILITATOR], {"trained_days_ago": 60}),
    ("Lotte", "van Dam", "lotte", "kersenbuurt", [Role.FACILITATOR], {}),
    ("Bram", "Visser", "bram", "rietveld", [Role.FACILITATOR], {}),
    (
        "Pieter",
        "Kuipers",
        "partner",
        None,
        [Role.PARTNER],
        {
            "partner_kind": Membership.PartnerKind.MUNICIPALITY,
            "partner_organisation": "Gemeente Westerlaan, wijkmanager Kersenbuurt",
        },
    ),
    (
        "Noor",
        "Bakker",
        "noor",
        None,
        [Role.PARTNER],
        {
            "partner_kind": Membership.PartnerKind.WIJKTEAM,
            "partner_organisation": "Sociaal Wijkteam Kersenbuurt",
        },
    ),
    (
        "Esther",
        "de Boer",
        "esther",
        None,
        [Role.PARTNER],
        {
            "partner_kind": Membership.PartnerKind.CARE,
            "partner_organisation": "Thuiszorg Westerlaan",
        },
    ),
]

RESIDENTS = [
    ("Anneke", "Smit", "kersenbuurt", "nl"),
    ("Mohamed", "Amrani", "kersenbuurt", "nl"),
    ("Joke", "Mulder", "kersenbuurt", "nl"),
    ("Daan", "Koster", "kersenbuurt", "nl"),
    ("Fatma", "Kaya", "kersenbuurt", "nl"),
    ("Wim", "Brouwer", "kersenbuurt", "nl"),
    ("Iris", "Vos", "kersenbuurt", "en"),
    ("Tomasz", "Nowak", "kersenbuurt", "en"),
    ("Ria", "Dijkstra", "rietveld", "nl"),
    ("Henk", "Postma", "rietveld", "nl"),
    ("Sanne", "Bos", "rietveld", "nl"),
    ("Gerrit", "Wiersma", "rietveld", "nl"),
]


def load(context) -> None:
    organisation = Organisation.objects.create(
        name="Buurtwerk De Brug",
        slug=DEMO_SLUG,
        description="Welzijnsorganisatie in de gemeente Westerlaan (verzonnen, voor de demo).",
        website="https://example.org/debrug",
        privacy_email="privacy@debrug.example.org",
        contact_email="vragen@debrug.example.org",
        phone="0201 234 567",
    )
    context["organisation"] = organisation
    neighbourhoods: dict[str | None, Neighbourhood] = {}
    for slug, name, kind, code, description in NEIGHBOURHOODS:
        neighbourhoods[slug] = Neighbourhood.objects.create(
            organisation=organisation,
            slug=slug,
            name=name,
            kind=kind,
            cbs_code=code,
            municipality="Westerlaan",
            description=description,
        )
    context["neighbourhoods"] = neighbourhoods

    people = _load_staff(organisation, neighbourhoods, context.password)
    for first, last, hood, language in RESIDENTS:
        people[first.lower()] = Person.objects.create(
            organisation=organisation,
            first_name=first,
            last_name=last,
            email=f"{first.lower()}.{last.lower().replace(' ', '')}@example.org",
            neighbourhood=neighbourhoods[hood],
            language=language,
        )
    context["people"] = people
    context.logins += [
        ("organiser (organisator)", "organisator@demo.wijkdialoog.nl"),
        ("facilitator (begeleider)", "begeleider@demo.wijkdialoog.nl"),
        ("partner (gemeente)", "partner@demo.wijkdialoog.nl"),
        ("trainer", "trainer@demo.wijkdialoog.nl"),
    ]


def _load_staff(organisation, neighbourhoods, password) -> dict:
    """The people with a login and their roles; the trainer trains those who come after."""
    today = timezone.localdate()
    people = {}
    trainer = None
    for first, last, prefix, hood, roles, extra in STAFF:
        email = f"{prefix}@demo.wijkdialoog.nl"
        user = User.objects.create_user(email=email, password=password)
        person = Person.objects.create(
            organisation=organisation,
            user=user,
            first_name=first,
            last_name=last,
            email=email,
            neighbourhood=neighbourhoods.get(hood),
        )
        people[prefix] = person
        for role in roles:
            membership = Membership(
                person=person,
                role=role,
                partner_kind=extra.get("partner_kind", ""),
                partner_organisation=extra.get("partner_organisation", ""),
                invited_at=timezone.now() - datetime.timedelta(days=500),
            )
            if "trained_days_ago" in extra:
                membership.trained_since = today - datetime.timedelta(
                    days=extra["trained_days_ago"]
                )
                membership.trained_by = trainer
            membership.save()
            if role == Role.TRAINER:
                trainer = person
    return people
