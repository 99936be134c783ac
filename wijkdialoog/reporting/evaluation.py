"""What it did for people: the evaluations of a meeting, a series or an organisation summed up.

The rating and grade (averages and how they are spread), the four outcomes of the Amsterdam
evaluation of the Dag van de Dialoog as shares, how many wrote down what they take with them,
and Kom erbij (the short loneliness scale, harvest/kom_erbij.py) before and after.

Only totals. Nothing is shown of fewer than MIN_RESPONDENTS people: a summary of fewer
evaluations shows the number only, and a side of Kom erbij with fewer complete answers shows
nothing. "Before" is a series' first meeting with Kom erbij answers; "after" every later one.
One query reads the evaluations; the rest is counting here.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wijkdialoog.community.models import Organisation
from wijkdialoog.dialogues.models import Meeting, Series
from wijkdialoog.harvest import kom_erbij
from wijkdialoog.harvest.models import Evaluation

from .charts import Chart, bar_chart

MIN_RESPONDENTS = 5
OUTCOMES = (
    ("met_someone_new", gettext_lazy("Spoke with people they would not otherwise meet")),
    ("feel_more_connected", gettext_lazy("Feel more connected with the neighbourhood")),
    ("view_changed", gettext_lazy("Their view on the theme changed")),
    ("exchanged_contacts", gettext_lazy("Exchanged contact details")),
)
# Published cut-off of the six-item scale: a total of 2 or more counts as lonely.
LONELY_FROM = 2
_VALUES = (
    "rating",
    "grade",
    "takeaway",
    "table__meeting_id",
    "table__meeting__series_id",
    "table__meeting__starts_at",
    *(name for name, _label in OUTCOMES),
    *kom_erbij.FIELDS,
)


@dataclass(frozen=True)
class OutcomeShare:
    label: str
    yes: int
    answered: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.yes / self.answered) if self.answered else None


@dataclass(frozen=True)
class ScaleSide:
    """Kom erbij at one moment: respondents with all six answers, and their scores."""

    respondents: int
    average_total: float | None = None
    average_emotional: float | None = None
    average_social: float | None = None
    percent_lonely: int | None = None

    @property
    def shown(self) -> bool:
        return self.respondents >= MIN_RESPONDENTS


@dataclass(frozen=True)
class KomErbij:
    before: ScaleSide
    after: ScaleSide

    @property
    def anything_shown(self) -> bool:
        return self.before.shown or self.after.shown


@dataclass(frozen=True)
class WhatItDid:
    count: int
    rating_average: float | None = None
    ratings: list[tuple[str, int]] = field(default_factory=list)
    grade_count: int = 0
    grade_average: float | None = None
    grades: list[tuple[str, int]] = field(default_factory=list)
    outcomes: list[OutcomeShare] = field(default_factory=list)
    takeaway_count: int = 0
    kom_erbij: KomErbij | None = None
    charts: list[Chart] = field(default_factory=list)

    @property
    def shown(self) -> bool:
        return self.count >= MIN_RESPONDENTS

    @property
    def minimum(self) -> int:
        return MIN_RESPONDENTS


def for_meeting(meeting: Meeting) -> WhatItDid:
    return summarise(Evaluation.objects.filter(table__meeting=meeting))


def for_series(series: Series) -> WhatItDid:
    return summarise(Evaluation.objects.filter(table__meeting__series=series))


def for_organisation(organisation: Organisation) -> WhatItDid:
    return summarise(Evaluation.objects.filter(table__meeting__organisation=organisation))


def per_series(organisation: Organisation) -> list[tuple[Series, WhatItDid]]:
    """Each series of the organisation with evaluations, with its summary (two queries)."""
    rows = Evaluation.objects.filter(table__meeting__organisation=organisation).values(*_VALUES)
    grouped: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        grouped[row["table__meeting__series_id"]].append(row)
    series = Series.objects.filter(pk__in=grouped).select_related("neighbourhood").order_by("-pk")
    return [(item, summarise_rows(grouped[item.pk])) for item in series]


def summarise(evaluations: QuerySet[Evaluation]) -> WhatItDid:
    return summarise_rows(list(evaluations.values(*_VALUES)))


def summarise_rows(rows: Sequence[dict[str, Any]]) -> WhatItDid:
    scale = kom_erbij_before_after(rows)
    if len(rows) < MIN_RESPONDENTS:
        return WhatItDid(count=len(rows), kom_erbij=scale)
    ratings = Counter(row["rating"] for row in rows)
    grades = Counter(row["grade"] for row in rows if row["grade"] is not None)
    summary = WhatItDid(
        count=len(rows),
        rating_average=_average(row["rating"] for row in rows),
        ratings=[(str(label), ratings[value]) for value, label in Evaluation.Rating.choices],
        grade_count=sum(grades.values()),
        grade_average=_average(row["grade"] for row in rows if row["grade"] is not None),
        grades=[(str(grade), grades[grade]) for grade in range(1, 11)],
        outcomes=[_outcome(rows, name, str(label)) for name, label in OUTCOMES],
        takeaway_count=sum(1 for row in rows if row["takeaway"]),
        kom_erbij=scale,
    )
    return replace(summary, charts=charts(summary))


def _average(values: Iterable[int]) -> float | None:
    values = list(values)
    return round(sum(values) / len(values), 1) if values else None


def _outcome(rows: Sequence[dict[str, Any]], name: str, label: str) -> OutcomeShare:
    answered = [row[name] for row in rows if row[name]]
    yes = sum(1 for answer in answered if answer == Evaluation.Answer.YES)
    return OutcomeShare(label=label, yes=yes, answered=len(answered))


def kom_erbij_before_after(rows: Sequence[dict[str, Any]]) -> KomErbij | None:
    """Scores at each series' first meeting with answers (before) and its later ones (after);
    None when nobody answered the six questions completely."""
    scored: dict[int, list[tuple[Any, int, kom_erbij.Score]]] = defaultdict(list)
    for row in rows:
        score = kom_erbij.score({name: row[name] for name in kom_erbij.FIELDS})
        if score is not None:
            moment = (row["table__meeting__starts_at"], row["table__meeting_id"])
            scored[row["table__meeting__series_id"]].append((*moment, score))
    if not scored:
        return None
    before: list[kom_erbij.Score] = []
    after: list[kom_erbij.Score] = []
    for answers in scored.values():
        first = min((starts_at, meeting_id) for starts_at, meeting_id, _score in answers)
        for starts_at, meeting_id, score in answers:
            (before if (starts_at, meeting_id) == first else after).append(score)
    return KomErbij(before=scale_side(before), after=scale_side(after))


def scale_side(scores: Sequence[kom_erbij.Score]) -> ScaleSide:
    """The totals of a group's scores; the figures only from MIN_RESPONDENTS people on."""
    if len(scores) < MIN_RESPONDENTS:
        return ScaleSide(respondents=len(scores))
    lonely = sum(1 for score in scores if score.total >= LONELY_FROM)
    return ScaleSide(
        respondents=len(scores),
        average_total=_average(score.total for score in scores),
        average_emotional=_average(score.emotional for score in scores),
        average_social=_average(score.social for score in scores),
        percent_lonely=round(100 * lonely / len(scores)),
    )


def charts(summary: WhatItDid) -> list[Chart]:
    made = [
        bar_chart(
            title=_("What the conversation did"),
            description=_("Share of people who said yes, of those who answered: ")
            + "; ".join(
                f"{outcome.label} {outcome.percent}%"
                for outcome in summary.outcomes
                if outcome.percent is not None
            ),
            labels=[outcome.label for outcome in summary.outcomes],
            series=[(_("Yes"), [outcome.percent for outcome in summary.outcomes])],
            maximum=100,
        ),
        bar_chart(
            title=_("How was the conversation?"),
            description=_("Number of people per answer: ")
            + "; ".join(f"{label} {count}" for label, count in summary.ratings),
            labels=[label for label, _count in summary.ratings],
            series=[(_("People"), [count for _label, count in summary.ratings])],
            unit="",
        ),
    ]
    if summary.grade_count:
        made.append(
            bar_chart(
                title=_("Grades"),
                description=_("Number of people per grade from 1 to 10: ")
                + "; ".join(f"{label}: {count}" for label, count in summary.grades),
                labels=[label for label, _count in summary.grades],
                series=[(_("People"), [count for _label, count in summary.grades])],
                unit="",
                horizontal=False,
            )
        )
    scale = summary.kom_erbij
    if scale is not None and scale.before.shown and scale.after.shown:
        made.append(kom_erbij_chart(scale))
    return made


def kom_erbij_chart(scale: KomErbij) -> Chart:
    labels = [
        _("Score, 0 to 6"),
        _("Missing closeness, 0 to 3"),
        _("Missing a circle of people, 0 to 3"),
    ]
    sides = [
        (_("First meeting"), scale.before),
        (_("Later meetings"), scale.after),
    ]
    series = [
        (name, [side.average_total, side.average_emotional, side.average_social])
        for name, side in sides
    ]
    return bar_chart(
        title=_("Kom erbij, before and after"),
        description=_(
            "Average scores at the first meeting (%(before)s people) and at later meetings "
            "(%(after)s people). Lower is better: people miss others less."
        )
        % {"before": scale.before.respondents, "after": scale.after.respondents},
        labels=labels,
        series=series,
        unit="",
    )
