"""What needs attention: the dashboard's meetings to come and what came of past meetings, and a
past meeting's page with attendance, evaluations and every table's closing note."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.builders import make_meeting, make_person, make_registration, seat
from wijkdialoog.harvest.models import Card, Evaluation, TableRun


def past_meeting(neighbourhood, method, *, tables=2, days=-3):
    return make_meeting(
        neighbourhood, default_method=method, days=days, seats=(8,) * tables, hours=-0.5
    )


def harvest(meeting, method, *, cards=3, pending=1, evaluations=2, note="Goed gesprek."):
    for table in meeting.tables.all():
        for number in range(cards):
            Card.objects.create(meeting=meeting, table=table, kind="idea", text=f"Idee {number}")
        for _number in range(pending):
            Card.objects.create(
                meeting=meeting, table=table, kind="dream", text="Droom", status="pending"
            )
        for number in range(evaluations):
            Evaluation.objects.create(
                table=table,
                rating=4 if number % 2 else 3,
                met_someone_new="yes" if number % 2 else "no",
                takeaway=f"Ik neem mee: buur {table.number}.{number}",
            )
        TableRun.objects.create(table=table, method=method, closing_note=note)


@pytest.fixture
def past(neighbourhood, method):
    meeting = past_meeting(neighbourhood, method)
    harvest(meeting, method)
    return meeting


def test_the_dashboard_shows_places_left_and_the_waiting_list_of_meetings_to_come(
    client_for, organiser, neighbourhood, method
):
    coming = make_meeting(neighbourhood, default_method=method, days=7, seats=(8,), hours=-0.5)
    table = coming.tables.get()
    for name in ("Anna", "Bram", "Cem"):
        seat(table, name)
    make_registration(coming, make_person(neighbourhood.organisation), status="waiting")

    html = client_for("organiser").get(reverse("dashboard")).content.decode()

    assert "3 van 8 plaatsen bezet" in html
    assert "(nog 5 plekken vrij)" in html
    assert "1 op de wachtlijst" in html


def test_the_dashboard_shows_what_came_of_past_meetings_and_the_closing_notes(
    client_for, organiser, past
):
    response = client_for("organiser").get(reverse("dashboard"))

    html = response.content.decode()
    assert "Wat de bijeenkomsten opleverden" in html
    [row] = response.context["past_meetings"]
    assert (row.card_count, row.pending_count, row.evaluation_count, row.note_count) == (
        8,
        2,
        4,
        2,
    )
    assert html.count("Goed gesprek.") == 2
    assert "2 kaarten goedkeuren" in html


def test_the_dashboard_leaves_out_meetings_that_have_not_ended_and_other_organisations(
    client_for, organiser, past, neighbourhood, method, other_organisation
):
    from wijkdialoog.community.models import Neighbourhood

    elsewhere = Neighbourhood.objects.create(
        organisation=other_organisation, name="Elders", slug="elders"
    )
    harvest(past_meeting(elsewhere, method), method, note="Geheim van elders.")
    make_meeting(neighbourhood, default_method=method, days=2, hours=-0.5)

    response = client_for("organiser").get(reverse("dashboard"))

    assert [m.pk for m in response.context["past_meetings"]] == [past.pk]
    assert "Geheim van elders." not in response.content.decode()


def test_the_dashboard_runs_the_same_queries_for_one_or_five_past_meetings(
    client_for, organiser, neighbourhood, method, django_assert_max_num_queries
):
    harvest(past_meeting(neighbourhood, method), method)
    client = client_for("organiser")
    client.get(reverse("dashboard"))
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("dashboard"))
    for days in range(-10, -6):
        harvest(past_meeting(neighbourhood, method, tables=3, days=days), method, cards=5)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("dashboard"))

    assert len(response.context["past_meetings"]) == 5


def test_a_past_meeting_page_shows_attendance(client_for, organiser, past):
    table = past.tables.get(number=1)
    for name in ("Anna", "Bram", "Cem"):
        seat(table, name, checked_in_at=timezone.now())
    seat(table, "Dirk")
    seat(table, "Eva", source="walk-in", checked_in_at=timezone.now())

    response = client_for("organiser").get(reverse("meeting-manage", args=[past.pk]))

    html = response.content.decode()
    assert '<dd id="attendance-registered">4</dd>' in html
    assert '<dd id="attendance-came">3</dd>' in html
    assert '<dd id="attendance-walk-ins">1</dd>' in html
    assert '<dd id="attendance-no-shows">1</dd>' in html
    assert "Niet gekomen" in html


def test_a_past_meeting_page_summarises_the_evaluations(client_for, organiser, past):
    response = client_for("organiser").get(reverse("meeting-manage", args=[past.pk]))

    html = response.content.decode()
    summary = response.context["evaluations"]
    assert summary.total == 4
    assert [count for _label, count in summary.ratings] == [2, 2, 0, 0]
    assert [count for _label, count in summary.met_someone_new] == [2, 2, 0]
    assert "4 mensen vulden de evaluatie in." in html
    for text in ("Ik neem mee: buur 1.0", "Ik neem mee: buur 2.1"):
        assert text in html


def test_a_past_meeting_page_shows_every_tables_closing_note(
    client_for, organiser, neighbourhood, method
):
    meeting = past_meeting(neighbourhood, method, tables=3)
    first, second, _third = meeting.tables.order_by("number")
    TableRun.objects.create(table=first, method=method, closing_note="Veel gelachen.")
    TableRun.objects.create(table=second, method=method, closing_note="")

    html = client_for("organiser").get(reverse("meeting-manage", args=[meeting.pk])).content
    html = html.decode()

    assert "Veel gelachen." in html
    assert html.count("nog geen slotnotitie") == 2
    assert reverse("table-run", args=[second.pk]) + "#review" not in html


def test_a_past_meeting_page_links_the_tables_whose_cards_wait_for_approval(
    client_for, organiser, past
):
    html = client_for("organiser").get(reverse("meeting-manage", args=[past.pk])).content
    html = html.decode()

    for table in past.tables.all():
        assert reverse("table-run", args=[table.pk]) + "#review" in html
    assert html.count("1 kaart wacht op goedkeuring") == 2


def test_a_meeting_to_come_offers_downloads_but_no_attendance_yet(
    client_for, organiser, neighbourhood, method
):
    meeting = make_meeting(neighbourhood, default_method=method, days=7, hours=-0.5)

    html = client_for("organiser").get(reverse("meeting-manage", args=[meeting.pk])).content
    html = html.decode()

    assert reverse("registrations-export", args=[meeting.pk, "xlsx"]) in html
    assert reverse("cards-export", args=[meeting.pk, "csv"]) in html
    assert 'id="meeting-attendance"' not in html


def test_a_past_meeting_page_runs_the_same_queries_however_much_came_in(
    client_for, organiser, neighbourhood, method, django_assert_max_num_queries
):
    small = past_meeting(neighbourhood, method, tables=1)
    harvest(small, method, evaluations=1)
    large = past_meeting(neighbourhood, method, tables=4)
    harvest(large, method, evaluations=12)
    for table in large.tables.all():
        for number in range(6):
            seat(table, f"Gast{table.number}{number}", checked_in_at=timezone.now())
    client = client_for("organiser")
    client.get(reverse("meeting-manage", args=[small.pk]))
    with django_assert_max_num_queries(40) as few:
        client.get(reverse("meeting-manage", args=[small.pk]))

    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("meeting-manage", args=[large.pk]))


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("anonymous", 302),
        ("organiser", 200),
        ("facilitator", 403),
        ("partner", 403),
        ("trainer", 403),
        ("outsider", 403),
    ],
)
def test_only_organisers_of_the_organisation_see_a_past_meetings_overview(
    client_for, past, persona, status
):
    response = client_for(persona).get(reverse("meeting-manage", args=[past.pk]))

    assert response.status_code == status
    assert (b"Goed gesprek." in response.content) == (status == 200)


@pytest.mark.parametrize(
    ("persona", "status", "sees_it"),
    [
        ("anonymous", 302, False),
        ("organiser", 200, True),
        ("facilitator", 403, False),
        ("partner", 403, False),
        ("trainer", 403, False),
        ("outsider", 200, False),
    ],
)
def test_only_organisers_of_the_organisation_see_its_harvest_on_the_dashboard(
    client_for, past, persona, status, sees_it
):
    response = client_for(persona).get(reverse("dashboard"))

    assert response.status_code == status
    assert (b"Goed gesprek." in response.content) == sees_it
