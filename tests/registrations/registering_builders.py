"""Test data for the registering tests, built with the ORM (the planning pages are built in
parallel, so these tests do not depend on them)."""

import datetime

from django.utils import timezone

from wijkdialoog.dialogues.models import Meeting, Series, Table, Venue
from wijkdialoog.registrations import registering


def make_meeting(neighbourhood, *, days=10, seats=(8,), published=True, **extra) -> Meeting:
    organisation = neighbourhood.organisation
    series = Series.objects.filter(neighbourhood=neighbourhood, slug="thuis").first()
    if series is None:
        series = Series.objects.create(
            neighbourhood=neighbourhood,
            theme="Thuis in je buurt",
            slug="thuis",
            description="Praten over thuis zijn in de buurt.",
        )
    venue = Venue.objects.create(
        organisation=organisation,
        name="Buurthuis De Kers",
        street_address="Kersenplein 3",
        postcode="1234 AB",
        city="Westerlaan",
        step_free_entrance=True,
        hearing_loop=True,
        public_transport="Bus 15, halte Kersenplein",
    )
    starts = (timezone.now() + datetime.timedelta(days=days)).replace(
        hour=18, minute=30, second=0, microsecond=0
    )
    values = {
        "starts_at": starts,
        "ends_at": starts + datetime.timedelta(hours=2, minutes=30),
        "publish_at": timezone.now() - datetime.timedelta(days=1) if published else None,
        "venue": venue,
        "what_to_expect": "Koffie, thee en een goed gesprek.",
    }
    values.update(extra)
    meeting = Meeting.objects.create(series=series, **values)
    for number, count in enumerate(seats, start=1):
        Table.objects.create(meeting=meeting, number=number, seats=count)
    return meeting


def sign_up(meeting, first_name="Anna", email=None, **extra):
    """Register through the domain function with an address derived from the name."""
    if email is None and "phone" not in extra:
        email = f"{first_name.lower()}@example.org"
    return registering.register(meeting=meeting, first_name=first_name, email=email or "", **extra)
