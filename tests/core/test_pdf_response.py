"""The one helper for PDF responses: shown in place by default, saved as a file on request."""

from wijkdialoog.core import pdf


def test_a_pdf_response_is_shown_in_place_by_default():
    response = pdf.response(b"%PDF-1.7", "tafelkaarten-3.pdf")

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="tafelkaarten-3.pdf"'
    assert response.content == b"%PDF-1.7"


def test_a_pdf_response_can_be_a_download():
    response = pdf.response(b"%PDF-1.7", "poster.pdf", download=True)

    assert response["Content-Disposition"] == 'attachment; filename="poster.pdf"'
