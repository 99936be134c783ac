"""Posters (A4) and flyers (A5) for a channel as PDF, with a QR code of its tracked link."""

from django.utils.text import slugify

from wijkdialoog.core import pdf
from wijkdialoog.dialogues import availability
from wijkdialoog.dialogues.bilingual import public_text
from wijkdialoog.registrations.models import Channel

from . import channels

# Each printed format and its page size.
FORMATS = {"poster": "A4", "flyer": "A5"}


def render_pdf(channel: Channel, *, format: str) -> bytes:
    """The poster or flyer of a channel, for its meeting or the series' next published one,
    in the active language; a full meeting's invites people to its waiting list."""
    size = FORMATS[format]
    series = channel.series
    link = channels.tracked_url(channel)
    meeting = channels.meeting_for(channel)
    return pdf.render(
        "outreach/poster.html",
        {
            "format": format,
            "size": size,
            "channel": channel,
            "series": series,
            "neighbourhood": series.neighbourhood,
            "organisation": series.organisation,
            "meeting": meeting,
            "theme": public_text(series, "theme"),
            # A full meeting still gets people on its waiting list, so the flyer says so.
            "is_full": meeting is not None
            and availability.state(meeting) == availability.State.FULL,
            "link": link,
            "readable_link": channels.readable_url(channel),
            "qr": pdf.qr_data_uri(link),
        },
    )


def filename(channel: Channel, *, format: str) -> str:
    return f"{format}-{slugify(channel.series.theme) or 'wijkdialoog'}-{channel.code}.pdf"
