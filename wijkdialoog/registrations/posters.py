"""Posters (A4) and flyers (A5) for a channel as PDF, with a QR code of its tracked link."""

import mimetypes
from pathlib import Path
from urllib.parse import urljoin

import segno
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.template.loader import render_to_string
from django.utils.text import slugify
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from . import channels
from .models import Channel

# Each printed format and its page size.
FORMATS = {"poster": "A4", "flyer": "A5"}


class StaticFilesFetcher(URLFetcher):
    """Serves our own static files (fonts, print CSS) from disk and fetches nothing else, so a
    PDF never waits on the network or reaches outside the app."""

    def __init__(self):
        super().__init__(allowed_protocols={"data", "http", "https"})
        self.static_prefix = urljoin(settings.SITE_URL + "/", settings.STATIC_URL)

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if not url.startswith(self.static_prefix):
            raise ValueError(f"Only static files are fetched for a PDF, not {url}")
        name = url.removeprefix(self.static_prefix).split("?")[0].split("#")[0]
        path = static_path(name)
        if path is None:
            raise ValueError(f"Static file not found: {name}")
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return URLFetcherResponse(
            url=url, body=path.read_bytes(), headers={"Content-Type": content_type}
        )


def static_path(name: str) -> Path | None:
    """The file behind a static name: collected (possibly hashed) files first, then the apps'."""
    if "\x00" in name or ".." in Path(name).parts:
        return None
    try:
        if staticfiles_storage.exists(name):
            return Path(staticfiles_storage.path(name))
    except NotImplementedError:  # pragma: no cover - remote storage has no local path
        pass
    found = finders.find(name)
    return Path(found) if found else None


def qr_data_uri(url: str) -> str:
    """A QR code as an SVG data URI: sharp at any print size, with the quiet zone scanners need."""
    return segno.make(url, error="m", micro=False).svg_data_uri(border=4, scale=1)


def render_pdf(channel: Channel, *, format: str) -> bytes:
    """The poster or flyer of a channel, for its meeting or the series' next published one,
    in the active language."""
    size = FORMATS[format]
    series = channel.series
    link = channels.tracked_url(channel)
    html = render_to_string(
        "registrations/poster.html",
        {
            "format": format,
            "size": size,
            "channel": channel,
            "series": series,
            "neighbourhood": series.neighbourhood,
            "organisation": series.neighbourhood.organisation,
            "meeting": channels.meeting_for(channel),
            "link": link,
            "readable_link": channels.readable_url(channel),
            "qr": qr_data_uri(link),
        },
    )
    document = HTML(string=html, base_url=settings.SITE_URL + "/", url_fetcher=StaticFilesFetcher())
    return document.write_pdf()


def filename(channel: Channel, *, format: str) -> str:
    return f"{format}-{slugify(channel.series.theme) or 'wijkdialoog'}-{channel.code}.pdf"
