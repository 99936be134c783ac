"""Posters (A4) and flyers (A5): real PDFs with the theme, the date and a QR code that scans to
the channel's tracked link."""

import subprocess

import pytest
from django.urls import reverse

from tests.builders import (
    make_channel,
    make_meeting,
    make_series,
    make_venue,
)
from tests.conftest import PERSONAS
from tests.pdfs import page_size, pdf_info, pdf_text, qr_codes
from wijkdialoog.core import pdf
from wijkdialoog.outreach import channels, posters
from wijkdialoog.registrations.models import Channel

Kind = Channel.Kind
A4 = (595, 842)
A5 = (420, 595)


@pytest.fixture
def series(neighbourhood):
    return make_series(neighbourhood, theme="Erbij horen", slug="erbij-horen")


@pytest.fixture
def meeting(series, organisation):
    return make_meeting(series, venue=make_venue(organisation, name="Buurthuis De Kers"))


def save(response, tmp_path, name="print.pdf"):
    path = tmp_path / name
    path.write_bytes(
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    return path


def test_the_poster_is_an_a4_pdf_with_the_theme_and_a_qr_code_of_the_tracked_link(
    client_for, series, meeting, tmp_path, settings
):
    settings.SITE_URL = "https://wijkdialoog.example.org"
    channel = make_channel(series, Kind.POSTER, meeting=meeting)

    response = client_for("organiser").get(reverse("channel-poster", args=[channel.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="poster-erbij-horen-{channel.code}.pdf"'
    )
    path = save(response, tmp_path)
    assert page_size(path) == A4
    assert pdf_info(path)["Pages"].strip() == "1"
    text = pdf_text(path)
    assert "Erbij horen" in text
    assert "Buurthuis De Kers" in text
    assert f"wijkdialoog.example.org/d/{channel.code}/" in "".join(text.split())
    assert qr_codes(path, tmp_path) == [f"https://wijkdialoog.example.org/d/{channel.code}/"]
    assert channels.tracked_url(channel) == f"https://wijkdialoog.example.org/d/{channel.code}/"


def test_the_flyer_is_an_a5_pdf_whose_qr_code_scans_to_the_tracked_link(
    client_for, series, meeting, tmp_path
):
    channel = make_channel(series, Kind.FLYER, label="Flyers Kersenplein")

    response = client_for("organiser").get(reverse("channel-flyer", args=[channel.pk]))

    assert response["Content-Disposition"] == (
        f'attachment; filename="flyer-erbij-horen-{channel.code}.pdf"'
    )
    path = save(response, tmp_path)
    assert page_size(path) == A5
    assert pdf_info(path)["Pages"].strip() == "1"
    text = pdf_text(path)
    assert "Erbij horen" in text
    # Without a meeting of its own, the flyer is for the next published meeting.
    assert "Buurthuis De Kers" in text
    assert qr_codes(path, tmp_path) == [f"http://testserver/d/{channel.code}/"]


def test_the_pdf_uses_the_self_hosted_noto_sans(series, meeting, tmp_path):
    path = tmp_path / "poster.pdf"
    path.write_bytes(posters.render_pdf(make_channel(series), format="poster"))
    listing = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout
    fonts = [line.split()[0] for line in listing.splitlines()[2:]]
    assert fonts
    assert all("Noto-Sans" in font for font in fonts), fonts


def test_a_poster_without_any_coming_meeting_still_has_the_theme_and_the_link(series, tmp_path):
    make_meeting(series, days=-10)
    channel = make_channel(series, Kind.POSTER)
    path = tmp_path / "poster.pdf"
    path.write_bytes(posters.render_pdf(channel, format="poster"))
    assert "Erbij horen" in pdf_text(path)
    assert qr_codes(path, tmp_path) == [channels.tracked_url(channel)]


def test_the_pdf_fetches_only_static_files(settings):
    fetcher = pdf.StaticFilesFetcher()
    font = fetcher.fetch(
        "http://testserver/static/wijkdialoog/vendor/fonts/noto-sans-latin-400-normal.woff2"
    )
    assert font.read()[:4] == b"wOF2"
    for url in (
        "https://example.org/tracker.png",
        "http://testserver/media/upload.png",
        "file:///etc/passwd",
        "http://testserver/static/../settings.py",
    ):
        with pytest.raises(ValueError):
            fetcher.fetch(url)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", ["channel-poster", "channel-flyer"])
def test_only_the_organiser_prints_posters_and_flyers(client_for, persona, name, series):
    channel = make_channel(series)
    response = client_for(persona).get(reverse(name, args=[channel.pk]))
    assert response.status_code == {"organiser": 200, "anonymous": 302}.get(persona, 403)
