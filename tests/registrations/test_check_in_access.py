"""Who may open the check-in list (names and access needs) and who may change it, and when:
organisers always look and correct; the facilitator or harvester of one of the meeting's tables
only from the day before until the day after the meeting (dates in Europe/Amsterdam)."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.urls import reverse

from tests.builders import make_meeting, make_membership, make_registration, make_series, make_table
from tests.conftest import PERSONAS
from wijkdialoog.registrations import check_in
from wijkdialoog.registrations.models import Registration

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
# The meeting: Thursday 12 March 2026, 19:30–22:00 in Amsterdam.
STARTS = datetime.datetime(2026, 3, 12, 19, 30, tzinfo=AMSTERDAM)


def at(day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(2026, 3, day, hour, minute, tzinfo=AMSTERDAM)


@pytest.fixture
def meeting(neighbourhood, facilitator):
    series = make_series(neighbourhood, theme="Erbij horen", slug="erbij-horen")
    meeting = make_meeting(
        series,
        starts_at=STARTS,
        ends_at=STARTS + datetime.timedelta(hours=2, minutes=30),
        # Not published: the people at its tables still need the list at the door.
        published=False,
    )
    make_table(meeting, facilitator=facilitator.person)
    return meeting


@pytest.fixture
def harvester(organisation, meeting):
    membership = make_membership(
        organisation, "facilitator", first_name="Hanna", email="hanna@example.org"
    )
    make_table(meeting, number=2, harvester=membership.person)
    return membership


@pytest.fixture
def other_facilitator(organisation, meeting):
    """A facilitator of the organisation without a table at this meeting."""
    return make_membership(
        organisation, "facilitator", first_name="Frits", email="frits@example.org", trained=True
    )


def change_requests(meeting, registration):
    return [
        reverse("check-in-person", args=[meeting.pk, registration.pk]),
        reverse("check-in-undo", args=[meeting.pk, registration.pk]),
        reverse("check-in-code", args=[meeting.pk]),
        reverse("check-in-walk-in", args=[meeting.pk]),
    ]


def post_data(registration):
    return {
        "code": registration.check_in_code,
        "walk_in-first_name": "Kees",
        "walk_in-consent": "on",
    }


def page(meeting):
    return reverse("check-in", args=[meeting.pk])


ALL = [*PERSONAS, "harvester", "other_facilitator"]
AT_THE_DOOR = {"organiser", "facilitator", "harvester"}


@pytest.mark.parametrize("persona", ALL)
def test_during_the_meeting_only_organisers_and_the_people_at_its_tables_check_in(
    meeting, client_for, persona, request
):
    request.getfixturevalue("harvester")
    anneke = make_registration(meeting, "Anneke", access_needs="Rolstoel")
    client = client_for(persona)
    with time_machine.travel(at(12, 20), tick=False):
        response = client.get(page(meeting))
        if persona in AT_THE_DOOR:
            assert response.status_code == 200
            assert "Rolstoel" in response.content.decode()
        elif persona == "anonymous":
            assert response.url.startswith(reverse("login"))
        else:
            assert response.status_code == 403
        for url in change_requests(meeting, anneke):
            status = client.post(url, post_data(anneke)).status_code
            assert status in ((200, 302) if persona in AT_THE_DOOR else (302, 403)), url
    allowed = persona in AT_THE_DOOR
    assert Registration.objects.filter(source=Registration.Source.WALK_IN).exists() == allowed


@pytest.mark.parametrize(
    ("moment", "inside"),
    [
        (at(10, 23, 59), False),  # two days before, a minute before midnight
        (at(11, 0, 0), True),  # the day before, from midnight
        (at(12, 19, 0), True),
        (at(13, 23, 59), True),  # the day after, until midnight
        (at(14, 0, 0), False),
        (datetime.datetime(2026, 3, 10, 23, 30, tzinfo=datetime.UTC), True),  # 00:30 on the 11th
    ],
)
def test_the_window_runs_from_the_day_before_until_the_day_after_in_local_dates(
    meeting, moment, inside
):
    assert check_in.in_check_in_window(meeting, moment) is inside


@pytest.mark.parametrize("persona", ["facilitator", "harvester"])
@pytest.mark.parametrize("moment", [at(10, 12), at(14, 9), at(30, 9)])
def test_people_at_the_tables_cannot_open_or_change_check_in_outside_the_window(
    meeting, client_for, persona, moment, request
):
    request.getfixturevalue("harvester")
    anneke = make_registration(meeting, "Anneke", access_needs="Rolstoel")
    client = client_for(persona)
    with time_machine.travel(moment, tick=False):
        assert client.get(page(meeting)).status_code == 403
        for url in change_requests(meeting, anneke):
            assert client.post(url, post_data(anneke)).status_code == 403, url
    anneke.refresh_from_db()
    assert anneke.checked_in_at is None
    assert not Registration.objects.filter(source=Registration.Source.WALK_IN).exists()


def test_organisers_see_the_list_before_the_window_but_cannot_change_it_yet(meeting, client_for):
    anneke = make_registration(meeting, "Anneke")
    client = client_for("organiser")
    with time_machine.travel(at(1, 10), tick=False):
        html = client.get(page(meeting)).content.decode()
        assert "Anneke" in html
        assert 'id="check-in-closed"' in html
        assert 'id="code-form"' not in html
        assert 'id="walk-in-form"' not in html
        for url in change_requests(meeting, anneke):
            assert client.post(url, post_data(anneke)).status_code == 403, url
    anneke.refresh_from_db()
    assert anneke.checked_in_at is None


def test_organisers_may_still_correct_attendance_after_the_window(meeting, client_for):
    anneke = make_registration(meeting, "Anneke")
    client = client_for("organiser")
    with time_machine.travel(at(20, 10), tick=False):
        html = client.get(page(meeting)).content.decode()
        assert 'id="code-form"' in html
        client.post(reverse("check-in-person", args=[meeting.pk, anneke.pk]))
    anneke.refresh_from_db()
    assert anneke.checked_in_at is not None


def test_my_page_links_check_in_only_inside_the_window(meeting, client_for):
    client = client_for("facilitator")
    link = f'href="{page(meeting)}"'
    with time_machine.travel(at(5, 10), tick=False):
        html = client.get(reverse("my-page")).content.decode()
        assert 'id="my-tables"' in html
        assert link not in html
    with time_machine.travel(at(12, 18), tick=False):
        assert link in client.get(reverse("my-page")).content.decode()
