"""Demo data: the oogstverslag of the two past Kersenbuurt meetings and of the series, each
published with the organiser's texts in Dutch and English. Loads after followup's demo, so the
reports show the wijkagenda, initiatives and agreements."""

from typing import Any

from wijkdialoog.core.demo_support import DemoContext

from . import newsletter, reports
from .demo_evaluation import load_evaluation
from .demo_population import load_population

MEETING_TEXTS: dict[str, dict[str, str]] = {
    "kersenbuurt_past_1": {
        "context": (
            "In de Kersenbuurt wonen veel mensen die elkaar nog niet kennen. "
            "We wilden weten wat thuis zijn in de buurt voor mensen betekent. "
            "Iedereen was welkom: jong en oud, nieuw en al lang hier."
        ),
        "context_en": (
            "Many people in the Kersenbuurt do not know each other yet. "
            "We wanted to know what feeling at home in the neighbourhood means to people. "
            "Everyone was welcome: young and old, new and long-time residents."
        ),
        "participants_said": (
            "Veel mensen zeiden dat ze buren spraken die ze anders nooit hadden ontmoet. "
            "Sommigen vonden de avond te kort."
        ),
        "participants_said_en": (
            "Many people said they talked with neighbours they would never have met otherwise. "
            "Some found the evening too short."
        ),
        "recommendations": (
            "Nodig de volgende keer ook jongeren uit via de school en de sportclub. "
            "Zorg voor meer tijd voor de ronde over dromen."
        ),
        "recommendations_en": (
            "Next time, also invite young people through the school and the sports club. "
            "Leave more time for the round about dreams."
        ),
    },
    "kersenbuurt_past_2": {
        "context": (
            "In de tweede ronde keken we terug op wat we de eerste keer deelden. "
            "We kozen samen wat we als buurt zelf gaan doen."
        ),
        "context_en": (
            "In the second round we looked back on what we shared the first time. "
            "Together we chose what we will do ourselves as a neighbourhood."
        ),
        "participants_said": (
            "Mensen vonden het fijn dat de afspraken van de vorige keer terugkwamen."
        ),
        "participants_said_en": ("People liked that the agreements of the last time came back."),
        "recommendations": (
            "Vier wat lukt, zoals de moestuin. Vraag de gemeente om de afspraak over "
            "verlichting voor de zomer rond te maken."
        ),
        "recommendations_en": (
            "Celebrate what works, such as the vegetable garden. Ask the municipality to "
            "finish the agreement about street lighting before the summer."
        ),
    },
}

SERIES_TEXTS = {
    "context": (
        "De wijkdialoog ‘Thuis in je buurt’ brengt bewoners, vrijwilligers en partners van de "
        "Kersenbuurt om de paar maanden samen. Dit verslag laat zien wat er is gezegd en wat "
        "we ermee doen."
    ),
    "context_en": (
        "The dialogue series brings residents, volunteers and partners of the Kersenbuurt "
        "together every few months. This report shows what was said and what we do with it."
    ),
    "recommendations": (
        "Blijf elke ronde terugkijken op de afspraken. Geef de kerngroep een vaste plek in het "
        "buurthuis."
    ),
    "recommendations_en": (
        "Keep looking back on the agreements every round. Give the core group a fixed place in "
        "the community centre."
    ),
}


def load(context: DemoContext) -> None:
    # The population figures first: the reports compare who came with who lives there.
    load_population(context)
    load_evaluation(context)
    meetings: dict[str, Any] = context.objects.get("meetings") or {}
    series = (context.objects.get("series") or {}).get("kersenbuurt")
    organiser = context["people"]["organisator"].user
    for key, texts in MEETING_TEXTS.items():
        meeting = meetings.get(key)
        if meeting is None:
            continue
        reports.save_texts(subject=meeting, actor=organiser, **texts)
        reports.publish(subject=meeting, actor=organiser)
        if key == "kersenbuurt_past_1":
            # Its report went to the people who asked to be kept posted (mail stays in the demo).
            newsletter.send_newsletter(
                series=meeting.series,
                meeting=meeting,
                report_url=newsletter.public_report_url(meeting.series, meeting),
                actor=organiser,
            )
    if series is not None:
        reports.save_texts(subject=series, actor=organiser, **SERIES_TEXTS)
        reports.publish(subject=series, actor=organiser)
    context["reports"] = {"meetings": list(MEETING_TEXTS), "series": series}
