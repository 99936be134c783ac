"""The report's formats are real documents: an A4 PDF with a table of contents and page
numbers, an A3 poster whose QR code leads to the report's web page."""

import re

from django.urls import reverse

from tests.pdfs import page_size, pdf_text, qr_codes
from tests.reporting.test_report_seed import seed_report


def test_the_pdf_is_a4_with_a_table_of_contents_and_page_numbers(
    client, neighbourhood, organiser, tmp_path
):
    seeded = seed_report(neighbourhood, organiser)
    response = client.get(reverse("report-meeting-pdf", args=[seeded.meeting.pk]))
    path = tmp_path / "report.pdf"
    path.write_bytes(response.content)

    text = pdf_text(path)
    pages = text.split("\f")
    contents = [line for line in pages[0].splitlines() if re.search(r"\.{3,}\s*\d+\s*$", line)]
    numbered = [page for page in pages[1:] if re.search(r"\b\d+ ?/ ?\d+\s*$", page.strip())]

    assert response["Content-Type"] == "application/pdf"
    assert page_size(path) == (595, 842)
    # Every section in the contents, each with the page it starts on (not the cover).
    assert len(contents) >= 8
    assert all(int(line.split()[-1]) >= 2 for line in contents)
    assert numbered and len(numbered) == len([page for page in pages[1:] if page.strip()])


def test_the_poster_is_a3_with_a_qr_code_to_the_report_page(
    client, neighbourhood, organiser, tmp_path
):
    seeded = seed_report(neighbourhood, organiser)
    response = client.get(reverse("report-meeting-poster", args=[seeded.meeting.pk]))
    path = tmp_path / "poster.pdf"
    path.write_bytes(response.content)

    assert page_size(path) == (842, 1191)
    url = "http://testserver" + reverse("report-meeting-public", args=[seeded.meeting.pk])
    assert qr_codes(path, tmp_path) == [url]
    assert "testserver/verslag/bijeenkomst/" in pdf_text(path)


def test_the_public_page_offers_the_pdf_and_the_poster(client, neighbourhood, organiser):
    seeded = seed_report(neighbourhood, organiser)

    page = client.get(reverse("report-meeting-public", args=[seeded.meeting.pk])).content.decode()

    assert reverse("report-meeting-pdf", args=[seeded.meeting.pk]) in page
    assert reverse("report-meeting-poster", args=[seeded.meeting.pk]) in page
