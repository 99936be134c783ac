"""Table cards: one printable A5 card per table with its number, facilitator, language and the
first names of the people sitting there (first names only: the cards lie on the tables)."""

from wijkdialoog.core import pdf
from wijkdialoog.dialogues.models import Meeting

from .table_moves import SeatingPlan


def render_pdf(meeting: Meeting, plan: SeatingPlan) -> bytes:
    return pdf.render("seating/table_cards.html", {"meeting": meeting, "plan": plan})
