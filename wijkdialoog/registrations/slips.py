"""The personal link of someone registered without email, as a QR code and a printable slip."""

from wijkdialoog.core import pdf

from .models import Registration
from .registering import active_companions
from .tasks import manage_url


def personal_link(registration: Registration) -> dict:
    """The manage link and its QR code, for the done page and the slip."""
    url = manage_url(registration)
    return {"manage_url": url, "manage_qr": pdf.qr_data_uri(url)}


def render_pdf(registration: Registration) -> bytes:
    """An A6 slip with the meeting, the codes for the door and the personal link."""
    meeting = registration.meeting
    return pdf.render(
        "registrations/registration_slip.html",
        {
            "registration": registration,
            "meeting": meeting,
            "venue": meeting.venue,
            "companions": active_companions(registration),
            **personal_link(registration),
        },
    )
