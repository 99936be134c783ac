"""Posters (A4) and flyers (A5) for a channel as PDF, with a QR code of its tracked link."""

from django.utils.text import slugify

from wijkdialoog.core import pdf

from . import channels
from .models import Channel

# Each printed format and its page size.
FORMATS = {"poster": "A4", "flyer": "A5"}


def render_pdf(channel: Channel, *, format: str) -> bytes:
    """The poster or flyer of a channel, for its meeting or the series' next published one,
    in the active language."""
    size = FORMATS[format]
    series = channel.series
    link = channels.tracked_url(channel)
    return pdf.render(
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
            "qr": pdf.qr_data_uri(link),
        },
    )


def filename(channel: Channel, *, format: str) -> str:
    return f"{format}-{slugify(channel.series.theme) or 'wijkdialoog'}-{channel.code}.pdf"
