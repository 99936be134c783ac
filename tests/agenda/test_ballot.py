"""The printable ballot: a real A4 PDF with every statement in the vote and a QR code that reads
back as the voting link."""

import pytest
from django.urls import reverse

from tests.agenda.voting_builders import add_statement, make_agenda
from tests.pdfs import page_size, pdf_text, qr_codes
from wijkdialoog.agenda.models import Statement

pytestmark = pytest.mark.django_db


def test_the_ballot_is_an_a4_pdf_with_statements_and_a_qr_code(
    neighbourhood, client_for, tmp_path, settings
):
    agenda = make_agenda(neighbourhood, statements=3)
    add_statement(agenda, 4, status=Statement.Status.PENDING, text="Verborgen voorstel")
    response = client_for("organiser").get(reverse("agenda-ballot", args=[agenda.pk]))

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    path = tmp_path / "ballot.pdf"
    path.write_bytes(response.content)
    assert page_size(path) == (595, 842)
    text = pdf_text(path)
    assert "Stelling 3: meer groen" in text and "Verborgen voorstel" not in text
    assert "Eens" in text and "Oneens" in text and "Sla over" in text
    link = settings.SITE_URL + reverse("agenda-vote", args=[agenda.token])
    assert qr_codes(path, tmp_path) == [link]
