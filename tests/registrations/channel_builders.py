"""Test data for the invitation channel tests, built with the ORM (the planning pages are built
in parallel, so these tests do not depend on them)."""

import datetime

from django.utils import timezone

from tests.factories import make_person
from wijkdialoog.dialogues.models import Meeting, Series, Venue
from wijkdialoog.registrations.models import Channel, Registration


def make_venue(organisation, name="Buurthuis De Kers") -> Venue:
    return Venue.objects.create(
        organisation=organisation,
        name=name,
        street_address="Kersenplein 3",
        postcode="1234 AB",
        city="Westerlaan",
        step_free_entrance=True,
        hearing_loop=True,
    )


def make_series(neighbourhood, theme="Thuis in je buurt", slug="thuis") -> Series:
    return Series.objects.create(
        neighbourhood=neighbourhood,
        theme=theme,
        slug=slug,
        description="Praten over thuis zijn in de buurt.",
    )


def make_meeting(series, *, days=10, published=True, venue=None, **extra) -> Meeting:
    starts = (timezone.now() + datetime.timedelta(days=days)).replace(
        hour=12, minute=0, second=0, microsecond=0
    )
    values = {
        "starts_at": starts,
        "ends_at": starts + datetime.timedelta(hours=2, minutes=30),
        "publish_at": timezone.now() - datetime.timedelta(days=1) if published else None,
        "venue": venue,
    }
    values.update(extra)
    return Meeting.objects.create(series=series, **values)


def make_channel(series, kind=Channel.Kind.POSTER, *, meeting=None, label="") -> Channel:
    return Channel.objects.create(series=series, kind=kind, meeting=meeting, label=label)


def make_registration(
    meeting, *, channel=None, status=Registration.Status.CONFIRMED, checked_in=False, name="Rita"
) -> Registration:
    person = make_person(meeting.series.neighbourhood.organisation, first_name=name)
    now = timezone.now()
    return Registration.objects.create(
        meeting=meeting,
        person=person,
        channel=channel,
        status=status,
        waiting_since=now if status == Registration.Status.WAITING else None,
        cancelled_at=now if status == Registration.Status.CANCELLED else None,
        consent_at=now,
        consent_version="test",
        checked_in_at=now if checked_in else None,
    )
