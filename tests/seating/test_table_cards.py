"""Table cards: a real PDF, one card per table, first names only."""

import subprocess

from django.urls import reverse

from tests.builders import make_meeting, make_person, make_registration
from wijkdialoog.seating.table_division import divide_over_tables


def pdf_text(content: bytes, tmp_path) -> list[str]:
    path = tmp_path / "cards.pdf"
    path.write_bytes(content)
    pages = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return pages.split("\f")[:-1]


def test_each_table_gets_a_card_with_first_names_only(
    neighbourhood, organiser, client_for, tmp_path
):
    meeting = make_meeting(neighbourhood, seats=(4, 4, 4), days=7)
    tables = list(meeting.tables.order_by("number"))
    tables[0].facilitator = make_person(
        neighbourhood.organisation, first_name="Fenna", last_name="Jansen"
    )
    tables[0].name = "De Linde"
    tables[0].save()
    names = [
        ("Anneke", "Smit"),
        ("Mohamed", "Amrani"),
        ("Joke", "Mulder"),
        ("Daan", "Koster"),
        ("Fatma", "Kaya"),
        ("Wim", "Brouwer"),
    ]
    for first, last in names:
        make_registration(meeting, first, last_name=last, email=f"{first.lower()}@example.org")
    divide_over_tables(meeting=meeting, actor=organiser.person.user)

    response = client_for("organiser").get(reverse("table-cards", args=[meeting.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pages = pdf_text(response.content, tmp_path)
    assert len(pages) == 3
    for table, page in zip(tables, pages, strict=True):
        table.refresh_from_db()
        seated = table.registrations.values_list("person__first_name", flat=True)
        for first_name in seated:
            assert first_name in page
        others = {first for first, _ in names} - set(seated)
        assert not any(name in page for name in others)
    text = "\n".join(pages)
    assert "De Linde" in pages[0]
    assert "Fenna" in pages[0]
    assert "Jansen" not in text
    for _, last in names:
        assert last not in text
    assert "@" not in text
    fonts = subprocess.run(
        ["pdffonts", "-"], input=response.content, capture_output=True, check=True
    ).stdout.decode()
    assert "Noto-Sans" in fonts
