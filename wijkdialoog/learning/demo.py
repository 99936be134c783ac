"""Demo data: the Leergang Wijkdialoog with its three courses, and a 3-day Buurtkracht training
on the Oasis steps for a wijkteam, all given by the demo trainer (Marieke)."""

import datetime
from typing import Any

from django.utils import timezone

from wijkdialoog.core.demo_support import DemoContext

from .courses import save_course, save_leergang, save_session
from .demo_collection import load_collection
from .models import Course, CourseKind, CourseSession, Leergang

LABEL = "demo"

# (kind, title, title_en, goals, goals_en, for whom, days from today, [(hour, title)], capacity)
COURSES: list[tuple[str, str, str, str, str, str, int, list[tuple[int, str]], int]] = [
    (
        CourseKind.INTRODUCTION,
        "Kennismakingsworkshop Wijkdialoog",
        "Introduction to the Wijkdialoog",
        "Je weet wat een wijkdialoog is.\nJe ervaart zelf een gesprek aan tafel.",
        "You know what a neighbourhood dialogue is.\nYou take part in a table talk yourself.",
        "Bewoners, vrijwilligers en professionals die nieuwsgierig zijn.",
        14,
        [(19, "")],
        20,
    ),
    (
        CourseKind.FACILITATOR_TRAINING,
        "Training dialoogbegeleider",
        "Facilitator training",
        "Je leidt een gesprek aan tafel.\nJe luistert goed en vat samen.\n"
        "Je zorgt dat iedereen aan het woord komt.",
        "You lead a table talk.\nYou listen well and sum up.\nYou make sure everyone speaks.",
        "Mensen die een tafel willen begeleiden bij een wijkdialoog.",
        21,
        [(9, "Luisteren en vragen"), (13, "Het gesprek aan tafel"), (9, "Oefenen met een tafel")],
        12,
    ),
    (
        CourseKind.MASTERCLASS,
        "Masterclass Gemeenschapskracht in de praktijk",
        "Masterclass community strength in practice",
        "Je ziet wat een buurt zelf kan.\nJe helpt bewoners hun plannen waar te maken.",
        "You see what a neighbourhood can do itself.\nYou help residents carry out their plans.",
        "Dialoogbegeleiders met ervaring.",
        45,
        [(13, "")],
        16,
    ),
]


def _at(days: int, hour: int) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    zone = timezone.get_current_timezone()
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=zone)


def load(context: DemoContext) -> None:
    organisation = context["organisation"]
    trainer = context["people"]["trainer"]
    venue = context["venues"]["kersenboom"]
    leergang = save_leergang(
        leergang=Leergang(
            organisation=organisation,
            name="Leergang Wijkdialoog",
            name_en="Wijkdialoog learning path",
            description="Drie bijeenkomsten. Iedere bijeenkomst is ook los te volgen.",
            description_en="Three meetings. You can follow each meeting on its own.",
        ),
        actor=None,
        actor_label=LABEL,
    )
    courses: dict[str, Course] = {}
    for kind, title, title_en, goals, goals_en, for_whom, days, parts, places in COURSES:
        course = save_course(
            course=Course(
                organisation=organisation,
                leergang=leergang,
                kind=kind,
                title=title,
                title_en=title_en,
                learning_goals=goals,
                learning_goals_en=goals_en,
                for_whom=for_whom,
                is_published=True,
                price_note="Gratis voor vrijwilligers in Westerlaan.",
                price_note_en="Free for volunteers in Westerlaan.",
            ),
            trainers=[trainer],
            actor=None,
            actor_label=LABEL,
        )
        for number, (hour, part_title) in enumerate(parts, start=1):
            _session(course, number, part_title, _at(days + 7 * (number - 1), hour), places, venue)
        courses[str(kind)] = course
    courses["buurtkracht"] = _load_buurtkracht(organisation, trainer, venue)
    context["courses"] = courses
    # Wijkdialogen in beweging: the demo organisation shares its reports and stories.
    load_collection(context)


def _session(
    course: Course, number: int, title: str, starts: datetime.datetime, places: int, venue: Any
) -> CourseSession:
    return save_session(
        session=CourseSession(
            course=course,
            number=number,
            title=title,
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=3),
            venue=venue,
            capacity=places,
        ),
        actor=None,
        actor_label=LABEL,
    )


def _load_buurtkracht(organisation: Any, trainer: Any, venue: Any) -> Course:
    """Three days in a row, each on the Oasis steps, learning by doing in the wijk."""
    course = save_course(
        course=Course(
            organisation=organisation,
            kind=CourseKind.WIJKTEAM_3_DAYS,
            title="Buurtkracht: wijkteamtraining in 3 dagen",
            title_en="Buurtkracht: 3-day wijkteam training",
            learning_goals=(
                "Je leert de stappen van Oasis: kijken, contact maken, dromen, plannen, doen, "
                "vieren en verder.\nJe oefent in de wijk zelf."
            ),
            learning_goals_en=(
                "You learn the Oasis steps: look, connect, dream, plan, act, celebrate and "
                "move on.\nYou practise in the neighbourhood itself."
            ),
            for_whom="Het wijkteam Kersenbuurt.",
            for_whom_en="The Kersenbuurt wijkteam.",
            price_cents=0,
            price_note="De gemeente betaalt.",
            price_note_en="The municipality pays.",
            is_published=False,
        ),
        trainers=[trainer],
        actor=None,
        actor_label=LABEL,
    )
    steps = ["Kijken en contact maken", "Dromen en plannen", "Doen, vieren en verder"]
    for number, title in enumerate(steps, start=1):
        starts = _at(30 + number - 1, 9)
        save_session(
            session=CourseSession(
                course=course,
                number=number,
                title=title,
                starts_at=starts,
                ends_at=starts + datetime.timedelta(hours=7),
                venue=venue,
                capacity=15,
            ),
            actor=None,
            actor_label=LABEL,
        )
    return course
