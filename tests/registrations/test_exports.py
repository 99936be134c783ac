"""Exporting a meeting's registrations: only organisers, readable by Excel, audited, defused."""

import json

import pytest
from django.urls import reverse

from tests.builders import make_meeting, make_person, make_registration, make_series, make_table
from tests.spreadsheets import read_csv, read_xlsx
from wijkdialoog.core.models import AuditEntry


@pytest.fixture
def meeting(neighbourhood):
    return make_meeting(make_series(neighbourhood), days=5)


@pytest.fixture
def registrations(meeting, organisation):
    table = make_table(meeting, number=1, seats=8)
    renée = make_person(
        organisation,
        first_name="Renée",
        last_name="Brouwer",
        email="renee@example.org",
        phone="06 1234 5678",
    )
    lead = make_registration(
        meeting, renée, table=table, access_needs="Rolstoel, drempelvrij", first_time=True
    )
    companion = make_person(organisation, first_name="Jörg", phone="+31 6 8765 4321")
    make_registration(meeting, companion, party_lead=lead, table=table)
    sneaky = make_person(organisation, first_name='=HYPERLINK("http://evil.example")')
    make_registration(meeting, sneaky, status="waiting")
    return lead


def url(meeting, file_format="csv"):
    return reverse("registrations-export", args=[meeting.pk, file_format])


def test_the_csv_opens_in_dutch_excel_with_names_contacts_and_needs(
    client_for, organiser, meeting, registrations
):
    response = client_for("organiser").get(url(meeting))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert ".csv" in response["Content-Disposition"]
    rows = read_csv(response.content)
    header, first, second = rows[0], rows[1], rows[2]
    assert header[:4] == ["Voornaam", "Achternaam", "E-mailadres", "Telefoonnummer"]
    assert first[:4] == ["Renée", "Brouwer", "renee@example.org", "06 1234 5678"]
    assert "Rolstoel, drempelvrij" in first
    assert "ja" in first
    assert second[0] == "Jörg"
    assert "Renée Brouwer" in second
    assert len(rows) == 4


def test_the_xlsx_holds_the_same_rows_as_plain_cells(client_for, organiser, meeting, registrations):
    response = client_for("organiser").get(url(meeting, "xlsx"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = read_xlsx(response.content)
    assert rows[0][:3] == ["Voornaam", "Achternaam", "E-mailadres"]
    assert rows[1][:4] == ["Renée", "Brouwer", "renee@example.org", "06 1234 5678"]
    assert rows[3][0] == '=HYPERLINK("http://evil.example")'
    assert len(rows) == 4


def test_a_cell_that_looks_like_a_formula_is_defused_in_the_csv(
    client_for, organiser, meeting, registrations
):
    rows = read_csv(client_for("organiser").get(url(meeting)).content)

    assert rows[3][0] == """'=HYPERLINK("http://evil.example")"""
    assert rows[2][3] == "'+31 6 8765 4321"


def test_each_export_is_in_the_audit_log_without_personal_data(
    client_for, organiser, meeting, registrations
):
    client_for("organiser").get(url(meeting, "xlsx"))

    entry = AuditEntry.objects.get(action="registrations.exported")
    assert entry.actor == organiser.person.user
    assert entry.object_id == str(meeting.pk)
    assert entry.payload == {"format": "xlsx", "rows": 3}
    assert "Renée" not in json.dumps(entry.payload)
    history = client_for("organiser").get(reverse("meeting-manage", args=[meeting.pk]))
    assert "Aanmeldingen gedownload" in history.content.decode()


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
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
def test_only_organisers_of_the_organisation_may_export_registrations(
    client_for, meeting, registrations, persona, status, file_format
):
    response = client_for(persona).get(url(meeting, file_format))

    assert response.status_code == status
    assert AuditEntry.objects.filter(action="registrations.exported").count() == (
        1 if status == 200 else 0
    )


def test_the_export_is_never_stored_in_a_cache(client_for, organiser, meeting, registrations):
    response = client_for("organiser").get(url(meeting))

    assert "no-store" in response["Cache-Control"]


def test_another_format_does_not_exist(client_for, organiser, meeting):
    path = reverse("registrations-export", args=[meeting.pk, "csv"]).replace(".csv", ".pdf")

    assert client_for("organiser").get(path).status_code == 404


def test_the_export_costs_the_same_queries_for_many_registrations(
    client_for, organiser, meeting, organisation, django_assert_max_num_queries
):
    tables = [make_table(meeting, number=number, seats=8) for number in range(1, 5)]
    for number in range(30):
        person = make_person(organisation, first_name=f"P{number}")
        make_registration(meeting, person, table=tables[number % 4])
    client = client_for("organiser")

    with django_assert_max_num_queries(12):
        response = client.get(url(meeting))

    assert len(read_csv(response.content)) == 31
