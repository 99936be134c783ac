"""Small builders for planning test data (venues, series, meetings, tables)."""

import datetime

from django.utils import timezone

from wijkdialoog.dialogues.models import Meeting, Series, Table, Venue


def make_venue(organisation, name="Buurthuis De Kers", **extra) -> Venue:
    values = {"street_address": "Kersenplein 3", "postcode": "1234 AB", "city": "Westerlaan"}
    values.update(extra)
    return Venue.objects.create(organisation=organisation, name=name, **values)


def make_series(neighbourhood, theme="Thuis in je buurt", slug="thuis", **extra) -> Series:
    values = {"description": "Praten over thuis zijn in de buurt.", "cadence_weeks": 8}
    values.update(extra)
    return Series.objects.create(neighbourhood=neighbourhood, theme=theme, slug=slug, **values)


def make_meeting(series, *, days=10, published=True, venue=None, **extra) -> Meeting:
    starts = (timezone.now() + datetime.timedelta(days=days)).replace(microsecond=0)
    values = {
        "starts_at": starts,
        "ends_at": starts + datetime.timedelta(hours=3),
        "publish_at": timezone.now() - datetime.timedelta(days=1) if published else None,
        "venue": venue,
        "what_to_expect": "Koffie, thee en een goed gesprek.",
    }
    values.update(extra)
    return Meeting.objects.create(series=series, **values)


def make_table(meeting, number=1, seats=8, **extra) -> Table:
    return Table.objects.create(meeting=meeting, number=number, seats=seats, **extra)


def make_registration(meeting, person, status="confirmed", **extra):
    from wijkdialoog.registrations.models import Registration

    values = {"consent_at": timezone.now(), "consent_version": "test"}
    if status == "waiting":
        values["waiting_since"] = timezone.now()
    values.update(extra)
    return Registration.objects.create(meeting=meeting, person=person, status=status, **values)
