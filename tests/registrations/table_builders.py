"""Test data for the table division, check-in and table card tests, built with the ORM."""

import datetime
import itertools

from django.utils import timezone

from tests.factories import make_person
from wijkdialoog.dialogues.models import Meeting, Series, Table
from wijkdialoog.registrations.models import Registration

_numbers = itertools.count(1)


def make_meeting(neighbourhood, *, seats=(8, 8), days=7, languages=None) -> Meeting:
    """A published meeting with one table per entry in `seats`."""
    series = Series.objects.create(
        neighbourhood=neighbourhood,
        theme="Thuis in je buurt",
        slug=f"thuis-{next(_numbers)}",
        description="Praten over thuis zijn in de buurt.",
    )
    starts = (timezone.now() + datetime.timedelta(days=days)).replace(microsecond=0)
    meeting = Meeting.objects.create(
        series=series,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=3),
        publish_at=timezone.now() - datetime.timedelta(days=20),
    )
    for number, count in enumerate(seats, start=1):
        language = (languages or {}).get(number, Table.Language.DUTCH)
        Table.objects.create(meeting=meeting, number=number, seats=count, language=language)
    return meeting


def make_registration(
    meeting,
    first_name="Rita",
    *,
    last_name="",
    email="",
    status=Registration.Status.CONFIRMED,
    **extra,
) -> Registration:
    person = make_person(
        meeting.series.neighbourhood.organisation,
        first_name=first_name,
        last_name=last_name,
        email=email,
    )
    values = {"consent_at": timezone.now(), "consent_version": "test"}
    if status == Registration.Status.WAITING:
        values["waiting_since"] = timezone.now()
    values.update(extra)
    return Registration.objects.create(meeting=meeting, person=person, status=status, **values)


AGES = ["u18", "18-34", "35-54", "55-74", "75+"]
RELATIONS = ["resident", "volunteer", "professional", "partner", "other"]


def fill(meeting, count, *, start=0) -> list[Registration]:
    """`count` confirmed people with varied ages, relations and first-time answers."""
    people = []
    for i in range(start, start + count):
        people.append(
            make_registration(
                meeting,
                f"Persoon{i:03d}",
                last_name=f"Achternaam{i:03d}",
                email=f"persoon{i:03d}@example.org",
                age_group=AGES[i % len(AGES)],
                relation=RELATIONS[(i // 2) % len(RELATIONS)],
                first_time=i % 3 == 0,
            )
        )
    return people
