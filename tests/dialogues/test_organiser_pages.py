"""Organisers plan through the real pages: forms, their messages, and the domain behind them."""

import datetime

from django.urls import reverse
from django.utils import timezone

from tests.builders import (
    make_meeting,
    make_membership,
    make_person,
    make_registration,
    make_series,
    make_table,
)
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.dialogues.models import Meeting, Series, Table, Venue


def _local(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def _errors(response) -> dict:
    return {name: list(errors) for name, errors in response.context["form"].errors.items()}


def test_an_organiser_adds_a_venue_with_its_accessibility_facts(client_for, organisation):
    response = client_for("organiser").post(
        reverse("venue-create"),
        {
            "name": "Buurthuis De Kers",
            "street_address": "Kersenplein 3",
            "postcode": "1234ab",
            "city": "Westerlaan",
            "step_free_entrance": "on",
            "hearing_loop": "on",
        },
    )
    assert response.status_code == 302
    venue = Venue.objects.get(organisation=organisation)
    assert venue.postcode == "1234 AB"
    assert (venue.step_free_entrance, venue.hearing_loop, venue.quiet_room) == (True, True, False)
    assert AuditEntry.objects.filter(action="venue.created", object_id=str(venue.pk)).exists()


def test_a_bad_venue_keeps_what_was_typed(client_for):
    response = client_for("organiser").post(
        reverse("venue-create"), {"name": "Buurthuis", "postcode": "12AB", "city": ""}
    )
    assert response.status_code == 200
    assert set(_errors(response)) == {"street_address", "postcode", "city"}
    html = response.content.decode()
    assert 'value="Buurthuis"' in html
    assert 'aria-invalid="true"' in html
    assert not Venue.objects.exists()


def test_an_organiser_changes_a_venue(client_for, venue):
    response = client_for("organiser").post(
        reverse("venue-edit", args=[venue.pk]),
        {"name": "Nieuw", "street_address": "Plein 1", "city": "Westerlaan", "quiet_room": "on"},
    )
    assert response.status_code == 302
    venue.refresh_from_db()
    assert (venue.name, venue.quiet_room) == ("Nieuw", True)


def test_an_organiser_starts_a_series_and_the_slug_comes_from_the_theme(
    client_for, neighbourhood, organisation
):
    anneke = make_person(organisation, first_name="Anneke")
    response = client_for("organiser").post(
        reverse("series-create"),
        {
            "neighbourhood": neighbourhood.pk,
            "theme": "Thuis in de Kersenbuurt",
            "slug": "",
            "description": "Buren praten over thuis zijn.",
            "initiators": [anneke.pk],
            "cadence_weeks": "8",
        },
    )
    series = Series.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("series-detail", args=[series.pk])
    assert series.slug == "thuis-in-de-kersenbuurt"
    assert list(series.initiators.all()) == [anneke]


def test_a_slug_is_unique_within_a_neighbourhood(client_for, series, neighbourhood):
    response = client_for("organiser").post(
        reverse("series-create"),
        {
            "neighbourhood": neighbourhood.pk,
            "theme": "Nog een thema",
            "slug": series.slug,
            "description": "Iets anders.",
            "cadence_weeks": "60",
        },
    )
    assert response.status_code == 200
    assert set(_errors(response)) == {"slug", "cadence_weeks"}
    assert 'value="Nog een thema"' in response.content.decode()
    assert Series.objects.count() == 1


def test_an_organiser_cannot_choose_a_neighbourhood_of_another_organisation(
    client_for, other_organisation
):
    from wijkdialoog.community.models import Neighbourhood

    elsewhere = Neighbourhood.objects.create(
        organisation=other_organisation, name="Elders", slug="elders"
    )
    response = client_for("organiser").post(
        reverse("series-create"),
        {"neighbourhood": elsewhere.pk, "theme": "X", "slug": "x", "description": "Y"},
    )
    assert response.status_code == 200
    assert "neighbourhood" in _errors(response)


def test_an_organiser_changes_a_series(client_for, series):
    response = client_for("organiser").post(
        reverse("series-edit", args=[series.pk]),
        {
            "neighbourhood": series.neighbourhood_id,
            "theme": "Thuis in je straat",
            "slug": series.slug,
            "description": series.description,
            "cadence_weeks": "6",
        },
    )
    assert response.status_code == 302
    series.refresh_from_db()
    assert (series.theme, series.cadence_weeks) == ("Thuis in je straat", 6)
    assert AuditEntry.objects.filter(action="series.changed").exists()


def test_the_series_page_offers_the_next_rounds_and_links(client_for, series, meeting):
    response = client_for("organiser").get(reverse("series-detail", args=[series.pk]))
    html = response.content.decode()
    assert reverse("channel-list", args=[series.pk]) in html
    assert reverse("meeting-manage", args=[meeting.pk]) in html
    assert f"{reverse('meeting-create', args=[series.pk])}?round=0" in html
    assert [p["starts_at"] for p in response.context["proposals"]] == series.proposed_dates()


def test_plan_this_round_prefills_the_meeting_form(client_for, series, meeting):
    url = reverse("meeting-create", args=[series.pk])
    form = client_for("organiser").get(f"{url}?round=1").context["form"]
    proposed = series.proposed_dates()[1]
    assert timezone.localtime(proposed).time() == timezone.localtime(meeting.starts_at).time()
    assert form.initial["starts_at"] == proposed
    assert form.initial["ends_at"] == proposed + (meeting.ends_at - meeting.starts_at)
    assert form.initial["venue"] == meeting.venue_id
    assert form.initial["what_to_expect"] == meeting.what_to_expect


def test_a_round_that_does_not_exist_leaves_the_form_empty(client_for, series, meeting):
    url = reverse("meeting-create", args=[series.pk])
    assert client_for("organiser").get(f"{url}?round=9").context["form"].initial == {}
    assert client_for("organiser").get(f"{url}?round=x").context["form"].initial == {}


def test_an_organiser_plans_a_meeting_in_dutch_time(client_for, series, venue):
    response = client_for("organiser").post(
        reverse("meeting-create", args=[series.pk]),
        {
            "kind": "dialoog",
            "title": "",
            "starts_at": "2031-03-14T19:30",
            "ends_at": "2031-03-14T22:00",
            "venue": venue.pk,
            "what_to_expect": "Koffie en een goed gesprek.",
            "publish_at": "2031-02-01T09:00",
            "registration_closes_at": "",
            "reminder_hours_before": "48",
        },
    )
    meeting = Meeting.objects.get()
    assert response["Location"] == reverse("meeting-manage", args=[meeting.pk])
    # 19:30 in Amsterdam in winter is 18:30 UTC.
    assert meeting.starts_at == datetime.datetime(2031, 3, 14, 18, 30, tzinfo=datetime.UTC)
    assert meeting.venue == venue


def test_bad_meeting_times_get_messages_next_to_the_fields(client_for, series):
    response = client_for("organiser").post(
        reverse("meeting-create", args=[series.pk]),
        {
            "kind": "dialoog",
            "starts_at": "2031-03-14T19:30",
            "ends_at": "2031-03-14T18:00",
            "publish_at": "2031-03-15T10:00",
            "reminder_hours_before": "48",
        },
    )
    assert response.status_code == 200
    assert set(_errors(response)) == {"ends_at", "publish_at"}
    html = response.content.decode()
    assert 'value="2031-03-14T19:30"' in html
    assert 'value="2031-03-14T18:00"' in html
    assert not Meeting.objects.exists()


def test_registration_must_close_before_the_end(client_for, series):
    response = client_for("organiser").post(
        reverse("meeting-create", args=[series.pk]),
        {
            "kind": "dialoog",
            "starts_at": "2031-03-14T19:30",
            "ends_at": "2031-03-14T22:00",
            "registration_closes_at": "2031-03-14T23:00",
            "reminder_hours_before": "48",
        },
    )
    assert set(_errors(response)) == {"registration_closes_at"}


def test_a_date_that_is_not_a_date_is_explained(client_for, series):
    response = client_for("organiser").post(
        reverse("meeting-create", args=[series.pk]),
        {"kind": "dialoog", "starts_at": "morgen", "ends_at": "", "reminder_hours_before": "x"},
    )
    assert set(_errors(response)) == {"starts_at", "ends_at", "reminder_hours_before"}
    assert 'value="morgen"' in response.content.decode()


def test_an_organiser_changes_and_cancels_a_meeting(client_for, meeting):
    client = client_for("organiser")
    response = client.post(
        reverse("meeting-edit", args=[meeting.pk]),
        {
            "kind": "verdieping",
            "title": "Verder praten",
            "starts_at": _local(meeting.starts_at),
            "ends_at": _local(meeting.ends_at),
            "venue": meeting.venue_id,
            "what_to_expect": meeting.what_to_expect,
            "publish_at": _local(meeting.publish_at),
            "reminder_hours_before": "24",
        },
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.title, meeting.kind, meeting.reminder_hours_before) == (
        "Verder praten",
        "verdieping",
        24,
    )

    response = client.post(reverse("meeting-cancel", args=[meeting.pk]), {"reason": "Storm"})
    assert response["Location"] == reverse("meeting-manage", args=[meeting.pk])
    meeting.refresh_from_db()
    assert meeting.cancelled_at is not None
    assert AuditEntry.objects.get(action="meeting.cancelled").payload == {"reason": "Storm"}
    # A second cancel is a no-op with a message, not an error.
    assert client.post(reverse("meeting-cancel", args=[meeting.pk])).status_code == 302


def test_the_manage_page_shows_capacity_counts_and_the_registration_links(
    client_for, meeting, organisation
):
    make_table(meeting, number=1, seats=8)
    make_table(meeting, number=2, seats=6)
    for status in ["confirmed", "confirmed", "confirmed", "waiting", "cancelled"]:
        make_registration(meeting, make_person(organisation, first_name="Buur"), status=status)

    response = client_for("organiser").get(reverse("meeting-manage", args=[meeting.pk]))

    page = response.context["meeting"]
    assert (page.seats_total, page.confirmed_count, page.waiting_count) == (14, 3, 1)
    html = response.content.decode()
    for name in ("registration-list", "table-division", "check-in", "table-cards"):
        assert reverse(name, args=[meeting.pk]) in html
    assert '<span id="seats-total">14</span>' in html


def test_an_organiser_adds_a_table_with_a_trained_facilitator(client_for, meeting, facilitator):
    client = client_for("organiser")
    form = client.get(reverse("table-create", args=[meeting.pk])).context["form"]
    assert form.initial["number"] == 1
    response = client.post(
        reverse("table-create", args=[meeting.pk]),
        {"number": "1", "seats": "8", "language": "nl", "facilitator": facilitator.person.pk},
    )
    assert response["Location"] == reverse("meeting-manage", args=[meeting.pk])
    assert Table.objects.get().facilitator == facilitator.person


def test_an_untrained_facilitator_needs_a_reason_in_the_form(client_for, meeting, organisation):
    lotte = make_membership(organisation, "facilitator", first_name="Lotte", email="l@example.org")
    client = client_for("organiser")
    data = {"number": "1", "seats": "8", "language": "en", "facilitator": lotte.person.pk}

    response = client.post(reverse("table-create", args=[meeting.pk]), data)
    assert response.status_code == 200
    assert set(_errors(response)) == {"facilitator_override_reason"}
    assert 'value="en" selected' in response.content.decode()
    assert not Table.objects.exists()

    data["facilitator_override_reason"] = "Lotte has joined three tables with Fenna."
    response = client.post(reverse("table-create", args=[meeting.pk]), data)
    assert response.status_code == 302
    assert Table.objects.get().facilitator_override_reason.startswith("Lotte has joined")
    assert AuditEntry.objects.filter(action="table.facilitator_override").count() == 1


def test_the_facilitator_choice_holds_only_staff_of_the_organisation(
    client_for, meeting, facilitator, resident, outsider
):
    form = client_for("organiser").get(reverse("table-create", args=[meeting.pk])).context["form"]
    choices = {value for value, _label in form.fields["facilitator"].choices if value}
    assert facilitator.person.pk in {int(str(v)) for v in choices}
    assert resident.pk not in {int(str(v)) for v in choices}
    assert outsider.person.pk not in {int(str(v)) for v in choices}


def test_table_seats_and_number_are_checked(client_for, meeting, table):
    response = client_for("organiser").post(
        reverse("table-create", args=[meeting.pk]),
        {"number": str(table.number), "seats": "12", "language": "nl"},
    )
    assert set(_errors(response)) == {"number", "seats"}
    assert 'value="12"' in response.content.decode()
    assert Table.objects.count() == 1


def test_an_organiser_changes_and_removes_a_table(client_for, table):
    client = client_for("organiser")
    response = client.post(
        reverse("table-edit", args=[table.pk]),
        {"number": "1", "name": "Bij het raam", "seats": "6", "language": "nl"},
    )
    assert response.status_code == 302
    table.refresh_from_db()
    assert (table.name, table.seats) == ("Bij het raam", 6)

    response = client.post(reverse("table-delete", args=[table.pk]))
    assert response["Location"] == reverse("meeting-manage", args=[table.meeting_id])
    assert not Table.objects.exists()


def test_the_series_list_shows_the_next_meeting(client_for, series, neighbourhood):
    upcoming = make_meeting(series, days=12)
    make_meeting(series, days=-30)
    make_series(neighbourhood, theme="Zonder bijeenkomsten", slug="leeg")
    response = client_for("organiser").get(reverse("series-list"))
    rows = {s.theme: s for s in response.context["series_list"]}
    assert rows["Thuis in de Kersenbuurt"].next_start == upcoming.starts_at
    assert rows["Thuis in de Kersenbuurt"].meeting_count == 2
    assert rows["Zonder bijeenkomsten"].next_start is None


def test_the_dashboard_lists_series_and_meetings_to_come(client_for, series, meeting):
    html = client_for("organiser").get(reverse("dashboard")).content.decode()
    assert reverse("series-detail", args=[series.pk]) in html
    assert reverse("meeting-manage", args=[meeting.pk]) in html
    assert reverse("venue-list") in html
    assert reverse("series-create") in html
