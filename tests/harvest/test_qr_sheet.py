"""The printable QR sheet of a table: a real PDF whose two codes scan to the participant links."""

from django.urls import reverse

from tests.pdfs import pdf_text, qr_codes
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.harvest.models import TableRun


def test_the_qr_sheet_scans_to_the_card_and_evaluation_links(client, facilitator, table, tmp_path):
    client.force_login(facilitator.person.user)

    response = client.post(reverse("table-run-qr-sheet", args=[table.pk]), follow=True)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    path = tmp_path / "sheet.pdf"
    path.write_bytes(response.content)
    # Printing the sheet before the meeting prepares the conversation; it has not started.
    run = TableRun.objects.get(table=table)
    assert run.started_at is None
    card_link = "http://testserver" + reverse("participant-card", args=[run.participant_token])
    evaluation_link = "http://testserver" + reverse(
        "participant-evaluation", args=[run.participant_token]
    )
    assert sorted(qr_codes(path, tmp_path)) == sorted([card_link, evaluation_link])
    text = pdf_text(path)
    assert "Tafel 1" in text or "Table 1" in text
    # The printed address may wrap after a dash in the token: compare without white space.
    assert run.participant_token in "".join(text.split())


def test_the_links_on_a_printed_sheet_keep_working_once_the_table_starts(
    client, facilitator, table
):
    client.force_login(facilitator.person.user)
    client.post(reverse("table-run-qr-sheet", args=[table.pk]))
    token = TableRun.objects.get().participant_token

    client.post(reverse("table-run-start", args=[table.pk]))

    run = TableRun.objects.get()
    assert run.started_at is not None
    assert run.participant_token == token
    assert client.get(reverse("participant-card", args=[token])).status_code == 200


def test_opening_the_qr_sheet_before_the_table_is_prepared_changes_nothing(
    client, facilitator, table
):
    client.force_login(facilitator.person.user)

    response = client.get(reverse("table-run-qr-sheet", args=[table.pk]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert b'id="make-qr-sheet"' in response.content
    assert not TableRun.objects.exists()
    assert not AuditEntry.objects.filter(action="table_run.prepared").exists()


def test_making_the_qr_sheet_prepares_the_table_once_and_shows_the_pdf(client, facilitator, table):
    client.force_login(facilitator.person.user)
    url = reverse("table-run-qr-sheet", args=[table.pk])

    response = client.post(url)
    client.post(url)

    assert response.status_code == 302
    assert response["Location"] == url
    assert TableRun.objects.filter(table=table, started_at__isnull=True).count() == 1
    assert AuditEntry.objects.filter(action="table_run.prepared").count() == 1
    assert client.get(url)["Content-Type"] == "application/pdf"


def test_the_start_page_offers_the_qr_sheet_as_a_button_that_posts(client, facilitator, table):
    client.force_login(facilitator.person.user)

    page = client.get(reverse("table-run", args=[table.pk])).content.decode()

    assert (
        'method="post" action="{}"'.format(reverse("table-run-qr-sheet", args=[table.pk])) in page
    )
