"""Exporting a meeting's cards: organisers get everything but private actions; facilitators and
partners get the public wall, with names only where the participant allowed them."""

import pytest
from django.urls import reverse

from tests.builders import make_person
from tests.spreadsheets import read_csv, read_xlsx
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.harvest.models import Card

Publication = Card.Publication


@pytest.fixture
def cards(meeting, table, organisation):
    owner = make_person(organisation, first_name="Ayla")

    def card(text, **extra):
        values = {"kind": "experience", "first_name": "Anna", "table": table}
        values.update(extra)
        return Card.objects.create(meeting=meeting, text=text, **values)

    card("Public with name", publication=Publication.PUBLIC)
    card("Public without name", publication=Publication.ANONYMOUS)
    card("Internal worry", publication=Publication.INTERNAL, kind="concern")
    card("Waiting for approval", publication=Publication.PUBLIC, status=Card.Status.PENDING)
    card("Private step", kind="action", owner=owner, publication=Publication.PUBLIC)
    card("Shared step", kind="action", owner=owner, shared=True, publication=Publication.PUBLIC)
    card("@SUM(A1:A9)", publication=Publication.PUBLIC)


def url(meeting, file_format="csv"):
    return reverse("cards-export", args=[meeting.pk, file_format])


def texts(rows):
    return [row[3] for row in rows[1:]]


def test_organisers_export_every_card_with_its_name_but_not_private_actions(
    client_for, organiser, meeting, cards
):
    rows = read_csv(client_for("organiser").get(url(meeting)).content)

    assert rows[0][:5] == ["Tafel", "Ronde", "Soort", "Tekst", "Voornaam"]
    assert texts(rows) == [
        "Public with name",
        "Public without name",
        "Internal worry",
        "Waiting for approval",
        "Shared step",
        "'@SUM(A1:A9)",
    ]
    by_text = {row[3]: row for row in rows[1:]}
    assert by_text["Public without name"][4] == "Anna"
    assert by_text["Internal worry"][5] == "alleen intern"


@pytest.mark.parametrize("persona", ["facilitator", "partner"])
def test_facilitators_and_partners_export_the_public_wall_with_names_only_where_allowed(
    client_for, meeting, cards, persona
):
    rows = read_csv(client_for(persona).get(url(meeting)).content)

    assert texts(rows) == [
        "Public with name",
        "Public without name",
        "Shared step",
        "'@SUM(A1:A9)",
    ]
    by_text = {row[3]: row for row in rows[1:]}
    assert by_text["Public with name"][4] == "Anna"
    assert by_text["Public without name"][4] == ""


def test_the_xlsx_export_holds_the_same_cards_as_plain_text(client_for, organiser, meeting, cards):
    response = client_for("organiser").get(url(meeting, "xlsx"))

    rows = read_xlsx(response.content)
    assert rows[0][3] == "Tekst"
    assert "Internal worry" in texts(rows)
    assert "@SUM(A1:A9)" in texts(rows)
    assert "Private step" not in texts(rows)


def test_each_card_export_is_in_the_audit_log_with_only_counts(
    client_for, organiser, facilitator, meeting, cards
):
    client_for("organiser").get(url(meeting))
    client_for("facilitator").get(url(meeting, "xlsx"))

    payloads = [
        entry.payload for entry in AuditEntry.objects.filter(action="cards.exported").order_by("pk")
    ]
    assert payloads == [
        {"format": "csv", "rows": 6, "internal": True},
        {"format": "xlsx", "rows": 4, "internal": False},
    ]


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("anonymous", 302),
        ("organiser", 200),
        ("facilitator", 200),
        ("partner", 200),
        ("trainer", 403),
        ("outsider", 403),
    ],
)
def test_who_may_export_the_cards_of_a_published_meeting(
    client_for, meeting, cards, persona, status
):
    assert client_for(persona).get(url(meeting)).status_code == status


@pytest.mark.parametrize(
    ("persona", "status"),
    [("organiser", 200), ("facilitator", 403), ("partner", 403), ("anonymous", 302)],
)
def test_only_organisers_export_the_cards_of_an_unpublished_meeting(
    client_for, meeting, cards, persona, status
):
    meeting.publish_at = None
    meeting.save()

    assert client_for(persona).get(url(meeting, "xlsx")).status_code == status


def test_the_card_export_costs_the_same_queries_for_many_cards(
    client_for, organiser, meeting, table, django_assert_max_num_queries
):
    for number in range(40):
        Card.objects.create(meeting=meeting, table=table, kind="idea", text=f"Idea {number}")
    client = client_for("organiser")

    with django_assert_max_num_queries(12):
        response = client.get(url(meeting))

    assert len(read_csv(response.content)) == 41


@pytest.mark.parametrize(
    ("persona", "offered"),
    [("anonymous", False), ("organiser", True), ("facilitator", True), ("partner", True)],
)
def test_the_wall_offers_the_download_to_whoever_may_export(client_for, meeting, persona, offered):
    html = client_for(persona).get(reverse("harvest-wall", args=[meeting.pk])).content.decode()

    assert (url(meeting) in html) == offered


def test_the_registration_list_offers_both_downloads(client_for, organiser, meeting):
    html = client_for("organiser").get(reverse("registration-list", args=[meeting.pk]))
    html = html.content.decode()

    assert reverse("registrations-export", args=[meeting.pk, "csv"]) in html
    assert reverse("registrations-export", args=[meeting.pk, "xlsx"]) in html
