"""An organiser looks back on a meeting on a phone: the dashboard leads to the past meeting,
which shows attendance, evaluations and closing notes and downloads the registrations."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.builders import make_meeting, make_method, seat
from tests.spreadsheets import read_xlsx
from wijkdialoog.harvest.models import Card, Evaluation, TableRun


@pytest.fixture
def past_meeting(neighbourhood):
    method = make_method()
    meeting = make_meeting(neighbourhood, default_method=method, days=-2, seats=(8, 8), hours=-0.5)
    for table in meeting.tables.order_by("number"):
        seat(table, f"Gast{table.number}", checked_in_at=timezone.now())
        seat(table, f"Weg{table.number}")
        Card.objects.create(meeting=meeting, table=table, kind="idea", text="Een moestuin")
        Evaluation.objects.create(table=table, rating=4, met_someone_new="yes", takeaway="Buren")
        TableRun.objects.create(table=table, method=method, closing_note=f"Notitie {table.number}")
    Card.objects.create(
        meeting=meeting, table=table, kind="dream", text="Droom", status=Card.Status.PENDING
    )
    return meeting


def test_an_organiser_looks_back_on_a_meeting_on_a_phone_and_downloads_the_list(
    phone, organiser, past_meeting
):
    phone.log_in(organiser.person.user)
    phone.goto("/beheer/")
    expect(phone.locator("#past-meetings")).to_contain_text("1 kaart goedkeuren")
    expect(phone.locator("#closing-notes")).to_contain_text("Notitie 2")

    phone.click_and_wait(f"#past-meetings a[href='/beheer/bijeenkomsten/{past_meeting.pk}/']")
    expect(phone.locator("#attendance-came")).to_have_text("2")
    expect(phone.locator("#attendance-no-shows")).to_have_text("2")
    expect(phone.locator("#evaluation-takeaways li")).to_have_count(2)
    expect(phone.locator("#meeting-closing-notes")).to_contain_text("Notitie 1")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360

    with phone.expect_download() as download:
        phone.click("#registrations-xlsx")
    rows = read_xlsx(download.value.path().read_bytes())
    assert rows[0][0] == "Voornaam"
    assert sorted(row[0] for row in rows[1:]) == ["Gast1", "Gast2", "Weg1", "Weg2"]
