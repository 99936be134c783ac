"""Table cards: one printable A5 card per table with its number, facilitator, language and the
first names of the people sitting there (first names only: the cards lie on the tables)."""

from pathlib import Path

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration

from wijkdialoog.dialogues.models import Meeting

from .table_moves import SeatingPlan

FONT = "wijkdialoog/vendor/fonts/noto-sans-latin-400-normal.woff2"


def fonts_url() -> str:
    """The folder of the self-hosted Noto Sans files, as a file:// address for WeasyPrint."""
    return Path(finders.find(FONT)).parent.as_uri() + "/"


def render_pdf(meeting: Meeting, plan: SeatingPlan) -> bytes:
    html = render_to_string(
        "registrations/table_cards.html",
        {"meeting": meeting, "plan": plan, "fonts_url": fonts_url()},
    )
    fonts = FontConfiguration()
    return HTML(string=html, base_url=fonts_url()).write_pdf(font_config=fonts)
