"""Printing to PDF with WeasyPrint: our own static files (self-hosted fonts, print CSS) and QR
codes, and nothing fetched from the network."""

import mimetypes
from pathlib import Path
from urllib.parse import urljoin

import segno
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import FileSystemStorage
from django.http import HttpResponse
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse


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
    # Only storage on this machine has paths; remote storage falls through to the finders.
    local = isinstance(staticfiles_storage, FileSystemStorage)
    if local and staticfiles_storage.exists(name):
        return Path(staticfiles_storage.path(name))
    found = finders.find(name)
    return Path(found) if found else None


def qr_data_uri(url: str) -> str:
    """A QR code as an SVG data URI: sharp at any print size, with the quiet zone scanners need."""
    return segno.make(url, error="m", micro=False).svg_data_uri(border=4, scale=1)


def render(template: str, context: dict) -> bytes:
    """Render a template to PDF; static URLs in it resolve to our own files."""
    html = render_to_string(template, context)
    document = HTML(string=html, base_url=settings.SITE_URL + "/", url_fetcher=StaticFilesFetcher())
    return document.write_pdf()


def response(content: bytes, filename: str, *, download: bool = False) -> HttpResponse:
    """A PDF for the browser: shown in place, or saved as a file with `download`."""
    result = HttpResponse(content, content_type="application/pdf")
    disposition = "attachment" if download else "inline"
    result["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return result
