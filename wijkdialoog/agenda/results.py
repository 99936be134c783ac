"""The results of a vote as people read them, from `Analysis.result` (the analysis contract):
consensus first, then what each group finds important, then what divides; and the opinion map
as points per group. Never which voter is in which group: the JSON has no voter ids."""

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from .models import Agenda, Analysis, Statement

MAP_SIZE = 320
MAP_MARGIN = 16
# Colour and shape both differ per group, so the map does not rely on colour alone.
GROUP_STYLES = [
    ("#0072b2", "circle"),
    ("#d55e00", "square"),
    ("#009e73", "triangle"),
    ("#cc79a7", "diamond"),
    ("#6a5d00", "cross"),
]
MAX_CONSENSUS = 10
LABEL_HALF_WIDTH = 32  # about half of "Group A" in 14 px bold
LABEL_HEIGHT = 14


@dataclass
class Line:
    statement: Statement
    agree: int  # percent of those who saw it
    disagree: int
    direction: str = ""


@dataclass
class Group:
    label: str
    size: int
    colour: str
    shape: str
    points: list[tuple[float, float]] = field(default_factory=list)
    representative: list[Line] = field(default_factory=list)
    centre: tuple[float, float] = (0.0, 0.0)
    label_at: tuple[float, float] = (0.0, 0.0)  # inside the map, above the group or below it


@dataclass
class Results:
    agenda: Agenda
    analysis: Analysis | None
    n_voters: int = 0
    n_votes: int = 0
    consensus: list[Line] = field(default_factory=list)
    divisive: list[Line] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def _line(statement: Statement, counts: dict[str, Any], direction: str = "") -> Line:
    seen = int(counts.get("seen", 0))
    return Line(
        statement,
        _percent(int(counts.get("agree", 0)), seen),
        _percent(int(counts.get("disagree", 0)), seen),
        direction,
    )


def group_label(index: int) -> str:
    return _("Group %(letter)s") % {"letter": chr(ord("A") + index)}


def _scale(points: list[list[float]]) -> tuple[float, float, float, float]:
    xs = [point[0] for point in points] or [0.0]
    ys = [point[1] for point in points] or [0.0]
    return min(xs), max(xs) - min(xs) or 1.0, min(ys), max(ys) - min(ys) or 1.0


def _groups(result: dict[str, Any], by_number: dict[int, Statement]) -> list[Group]:
    points = result.get("points", [])
    x0, width, y0, height = _scale(points)
    inner = MAP_SIZE - 2 * MAP_MARGIN
    groups: list[Group] = []
    for index, data in enumerate(result.get("groups", [])):
        colour, shape = GROUP_STYLES[index % len(GROUP_STYLES)]
        group = Group(group_label(index), int(data.get("size", 0)), colour, shape)
        for rep in data.get("representative", []):
            statement = by_number.get(int(rep["statement"]))
            counts = data.get("votes", {}).get(str(rep["statement"]), {})
            if statement is not None:
                group.representative.append(_line(statement, counts, rep.get("direction", "")))
        groups.append(group)
    for x, y, number in points:
        if 0 <= int(number) < len(groups):
            groups[int(number)].points.append(
                (
                    round(MAP_MARGIN + (x - x0) / width * inner, 1),
                    round(MAP_MARGIN + (1 - (y - y0) / height) * inner, 1),
                )
            )
    for group in groups:
        if group.points:
            group.centre = (
                round(sum(p[0] for p in group.points) / len(group.points)),
                round(sum(p[1] for p in group.points) / len(group.points)),
            )
            group.label_at = _label_position(group)
    return groups


def _label_position(group: Group) -> tuple[float, float]:
    """Above the group's highest mark, or below its lowest when that leaves the map; never
    cut off at a side."""
    x = min(max(group.centre[0], LABEL_HALF_WIDTH), MAP_SIZE - LABEL_HALF_WIDTH)
    top = min(p[1] for p in group.points) - 8
    if top - LABEL_HEIGHT < 0:
        top = max(p[1] for p in group.points) + 8 + LABEL_HEIGHT
    return (x, min(top, MAP_SIZE - 4))


def _supported_by_every_group(result: dict[str, Any], number: int) -> bool:
    """Consensus as people read it: more than half of every group that saw the statement agrees.
    Without groups (too few voters) more than half of everyone."""
    groups = result.get("groups", [])
    if not groups:
        counts = result.get("statements", {}).get(str(number), {})
        return 2 * int(counts.get("agree", 0)) > int(counts.get("seen", 0))
    for group in groups:
        counts = group.get("votes", {}).get(str(number), {})
        seen = int(counts.get("seen", 0))
        if seen and 2 * int(counts.get("agree", 0)) <= seen:
            return False
    return True


def results_for(agenda: Agenda) -> Results:
    """Two queries: the analysis and the statements."""
    analysis = Analysis.objects.filter(agenda=agenda).first()
    results = Results(agenda=agenda, analysis=analysis)
    if analysis is None or not analysis.result:
        return results
    result: dict[str, Any] = analysis.result
    hidden = {int(number) for number in result.get("moderated_out", [])}
    by_number = {
        statement.number: statement
        for statement in agenda.statements.filter(status=Statement.Status.ACCEPTED)
        if statement.number not in hidden
    }
    counts = result.get("statements", {})
    results.n_voters = int(result.get("n_voters", 0))
    results.n_votes = int(result.get("n_votes", 0))
    results.consensus = [
        _line(by_number[int(number)], counts.get(str(number), {}))
        for number in result.get("consensus", [])
        if int(number) in by_number and _supported_by_every_group(result, int(number))
    ][:MAX_CONSENSUS]
    results.divisive = [
        _line(by_number[int(number)], counts.get(str(number), {}))
        for number in result.get("divisive", [])
        if int(number) in by_number
    ][:MAX_CONSENSUS]
    results.groups = _groups(result, by_number)
    return results


def support_text(agenda: Agenda, statement: Statement) -> str:
    """Why, prefilled for a wijkagenda item: how much each group agreed."""
    analysis = Analysis.objects.filter(agenda=agenda).first()
    if analysis is None or not analysis.result:
        return ""
    parts = []
    for index, data in enumerate(analysis.result.get("groups", [])):
        counts = data.get("votes", {}).get(str(statement.number), {})
        agree = _percent(int(counts.get("agree", 0)), int(counts.get("seen", 0)))
        parts.append(
            _("%(group)s: %(agree)s%% agrees") % {"group": group_label(index), "agree": agree}
        )
    if not parts:
        return ""
    return _("Support across the groups: %(parts)s.") % {"parts": "; ".join(parts)}
