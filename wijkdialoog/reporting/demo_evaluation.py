"""Demo data for what it did for people: the Kersenbuurt series asks Kom erbij, with answers at
its first meeting (before) and its second (after), and some residents asked at sign-up to be
kept posted about the results. reporting/demo.py calls load_evaluation(context) after the
harvest's demo, which made the evaluations with the four outcomes and a grade."""

import uuid
from collections.abc import Sequence

from django.db.models import F

from wijkdialoog.core.demo_support import DemoContext
from wijkdialoog.dialogues.models import Meeting
from wijkdialoog.harvest import capture, evaluations
from wijkdialoog.harvest.models import Evaluation
from wijkdialoog.registrations.models import Registration

Y, M, N = "yes", "more-or-less", "no"
# Per person: the six answers in the order of kom_erbij.ITEMS (emptiness, rely on, miss
# people, trust, close, rejected), then rating, grade and whether they met someone new.
BEFORE = [
    ((Y, N, Y, M, N, M), 3, 7, "yes"),
    ((M, Y, Y, M, M, N), 3, 7, "no"),
    ((N, Y, M, Y, Y, N), 4, 8, "yes"),
    ((Y, M, Y, N, N, Y), 2, 6, "unsure"),
    ((M, Y, M, Y, M, N), 3, 7, "yes"),
    ((N, M, Y, M, N, N), 3, 8, "no"),
]
AFTER = [
    ((N, Y, M, Y, Y, N), 4, 9, "yes"),
    ((N, Y, N, Y, M, N), 4, 8, "yes"),
    ((M, Y, M, Y, Y, N), 3, 8, "yes"),
    ((N, Y, N, M, Y, N), 4, 9, "no"),
    ((Y, M, Y, M, N, N), 3, 7, "yes"),
    ((N, Y, N, Y, Y, N), 4, 9, "yes"),
]
FIELDS = (
    "scale_emptiness",
    "scale_rely_on",
    "scale_miss_people",
    "scale_trust",
    "scale_close",
    "scale_rejected",
)


def load_evaluation(context: DemoContext) -> None:
    meetings = context.objects.get("meetings") or {}
    series = (context.objects.get("series") or {}).get("kersenbuurt")
    if series is None or "kersenbuurt_past_1" not in meetings:
        return
    evaluations.set_kom_erbij(series=series, ask=True, actor=None)
    _answer(meetings["kersenbuurt_past_1"], BEFORE)
    if "kersenbuurt_past_2" in meetings:
        _answer(meetings["kersenbuurt_past_2"], AFTER)
    _keep_posted(series.pk)
    context["kom_erbij"] = series


def _answer(meeting: Meeting, people: Sequence[tuple[tuple[str, ...], int, int, str]]) -> None:
    tables = list(meeting.tables.order_by("number"))
    for index, (scale, rating, grade, met) in enumerate(people):
        evaluation, _created = capture.add_evaluation(
            table=tables[index % len(tables)],
            client_id=uuid.uuid4(),
            rating=rating,
            grade=grade,
            met_someone_new=met,
            feel_more_connected=Evaluation.Answer.YES if rating == 4 else "",
            scale=dict(zip(FIELDS, scale, strict=True)),
            source=Evaluation.Source.PAPER if index == 0 else Evaluation.Source.PHONE,
        )
        Evaluation.objects.filter(pk=evaluation.pk).update(
            created_at=meeting.ends_at, updated_at=meeting.ends_at
        )


def _keep_posted(series_id: int) -> None:
    """Every other resident with an email address asked to be kept posted when signing up."""
    registrations = (
        Registration.objects.filter(
            meeting__series_id=series_id, status=Registration.Status.CONFIRMED
        )
        .exclude(person__email="")
        .order_by("pk")
    )
    chosen = [registration.pk for registration in registrations][::2]
    Registration.objects.filter(pk__in=chosen).update(keep_me_posted_at=F("consent_at"))
