"""Paper for a method: an A4 facilitator guide with a time plan, and A5 table cards with one card
per phase and one with the conversation rules. Rendered by WeasyPrint in the method's language,
with the self-hosted Noto Sans (fetched from our static files, never from the network)."""

import datetime
from dataclasses import dataclass

from django.utils import translation
from django.utils.text import slugify

from wijkdialoog.core import pdf

from .models import Method, Phase

DEFAULT_START = datetime.time(19, 0)


@dataclass(frozen=True)
class PlannedPhase:
    phase: Phase
    starts: datetime.time
    ends: datetime.time


def parse_start(raw: str | None) -> datetime.time:
    """A start time such as "19:15" from the address; the default when it is missing or wrong."""
    try:
        return datetime.datetime.strptime((raw or "").strip(), "%H:%M").time()
    except ValueError:
        return DEFAULT_START


def time_plan(phases: list[Phase], start: datetime.time) -> list[PlannedPhase]:
    """Each phase with its clock times, one after the other from `start`."""
    moment = datetime.datetime.combine(datetime.date(2000, 1, 1), start)
    plan = []
    for phase in phases:
        ends = moment + datetime.timedelta(minutes=phase.minutes)
        plan.append(PlannedPhase(phase=phase, starts=moment.time(), ends=ends.time()))
        moment = ends
    return plan


def _pdf(template: str, context: dict, language: str) -> bytes:
    with translation.override(language):
        return pdf.render(template, context)


def render_guide(method: Method, *, start: datetime.time) -> bytes:
    phases = list(method.phases.all())
    plan = time_plan(phases, start)
    return _pdf(
        "methods/print/guide.html",
        {
            "method": method,
            "plan": plan,
            "start": start,
            "end": plan[-1].ends if plan else start,
            "total_minutes": sum(phase.minutes for phase in phases),
        },
        method.language,
    )


def render_table_cards(method: Method) -> bytes:
    phases = list(method.phases.all())
    return _pdf(
        "methods/print/table_cards.html",
        {"method": method, "phases": phases, "phase_count": len(phases)},
        method.language,
    )


def filename(method: Method, kind: str) -> str:
    return f"{kind}-{slugify(method.name) or method.family}-{method.language}.pdf"
