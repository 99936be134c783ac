"""Organiser dates outside a sane range (a picker's year 0001 or 9999) are refused next to the
field; before, they gave a server error on saving or on every later visit of the series page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.builders import make_meeting
from wijkdialoog.core.dates import PLANNING_YEARS, TRAINING_YEARS
from wijkdialoog.dialogues.models import Meeting

GOOD = {
    "kind": "dialoog",
    "title": "",
    "starts_at": "2031-03-14T19:30",
    "ends_at": "2031-03-14T22:00",
    "what_to_expect": "Koffie en een goed gesprek.",
    "publish_at": "2031-02-01T09:00",
    "registration_closes_at": "2031-03-13T12:00",
    "reminder_hours_before": "48",
}
EARLY_AND_LATE = ["0001-01-01T00:00", "1999-12-31T23:59", "9999-12-31T23:59"]


def errors(response) -> dict:
    return {name: list(messages) for name, messages in response.context["form"].errors.items()}


@pytest.mark.parametrize("value", EARLY_AND_LATE)
@pytest.mark.parametrize("field", ["starts_at", "ends_at", "publish_at", "registration_closes_at"])
def test_a_meeting_moment_far_outside_the_plans_is_refused_next_to_the_field(
    client_for, series, field, value
):
    response = client_for("organiser").post(
        reverse("meeting-create", args=[series.pk]), {**GOOD, field: value}
    )
    assert response.status_code == 200
    latest = timezone.localdate().year + 10
    assert errors(response)[field] == [f"Vul een datum in tussen 2000 en {latest}."]
    assert f'id="id_{field}_error"' in response.content.decode()
    assert not Meeting.objects.exists()


def test_a_meeting_whole_in_the_year_9999_is_refused_not_a_server_error(client_for, series):
    late = {
        **GOOD,
        "starts_at": "9999-12-31T19:00",
        "ends_at": "9999-12-31T22:00",
        "publish_at": "",
        "registration_closes_at": "",
    }
    response = client_for("organiser").post(reverse("meeting-create", args=[series.pk]), late)
    assert response.status_code == 200
    assert {"starts_at", "ends_at"} <= set(errors(response))


def test_changing_a_meeting_to_the_year_0001_is_refused(client_for, meeting):
    response = client_for("organiser").post(
        reverse("meeting-edit", args=[meeting.pk]),
        {**GOOD, "starts_at": "0001-01-01T00:00", "ends_at": "0001-01-01T03:00"},
    )
    assert response.status_code == 200
    assert {"starts_at", "ends_at"} <= set(errors(response))
    original = meeting.starts_at
    meeting.refresh_from_db()
    assert meeting.starts_at == original


def test_dates_within_the_range_are_kept(client_for, series):
    response = client_for("organiser").post(reverse("meeting-create", args=[series.pk]), GOOD)
    assert response.status_code == 302
    assert Meeting.objects.get().starts_at.year == 2031


def test_the_date_pickers_are_told_the_same_range(client_for, series):
    html = client_for("organiser").get(reverse("meeting-create", args=[series.pk])).content
    latest = timezone.localdate().year + 10
    assert html.decode().count(f'min="2000-01-01T00:00" max="{latest}-12-31T23:59"') == 4


def test_a_series_whose_last_meeting_lies_near_the_year_9999_still_opens(client_for, series, venue):
    # Saved before the forms refused it; the next rounds 8 weeks later do not exist.
    starts = datetime.datetime(9999, 12, 1, 18, 0, tzinfo=datetime.UTC)
    make_meeting(
        series, venue=venue, starts_at=starts, ends_at=starts + datetime.timedelta(hours=3)
    )
    series.cadence_weeks = 8
    series.save()
    response = client_for("organiser").get(reverse("series-detail", args=[series.pk]))
    assert response.status_code == 200


def test_the_validators_accept_their_own_edges():
    this_year = timezone.localdate().year
    PLANNING_YEARS(datetime.date(2000, 1, 1))
    PLANNING_YEARS(datetime.date(this_year + 10, 12, 31))
    TRAINING_YEARS(datetime.date(1970, 1, 1))
