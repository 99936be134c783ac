"""Paper works too: the facilitator guide (A4, with a time plan) and the table cards (A5 landscape,
one card per phase plus one with the rules) are real PDFs with every phase and question."""

import subprocess

import pytest
from django.urls import reverse

from tests.pdfs import page_size, pdf_info
from wijkdialoog.methods import printing

A4 = (595, 842)
A5_LANDSCAPE = (595, 420)


def pdf_text(path, page=None) -> str:
    """The text of the PDF (or one page), with runs of white space made single spaces."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    output = subprocess.run(
        ["pdftotext", *pages, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(output.split())


def fonts(path) -> str:
    return subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout


def flat(text: str) -> str:
    return " ".join(text.split())


def download(client, url, tmp_path, name="print.pdf"):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    path = tmp_path / name
    path.write_bytes(response.content)
    return path


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_guide_holds_the_rules_and_every_phase_with_its_questions(
    client_for, shipped_methods, tmp_path, language
):
    method = shipped_methods.get(family="waarderende-dialoog", language=language)
    path = download(client_for("facilitator"), reverse("method-guide", args=[method.pk]), tmp_path)

    assert page_size(path) == A4
    text = pdf_text(path)
    assert flat(method.name) in text
    for rule in method.rules_list:
        assert flat(rule) in text
    for phase in method.phases.all():
        assert flat(phase.name) in text
        assert flat(phase.purpose) in text
        for question in phase.questions_list:
            assert flat(question) in text, question
    assert "Noto-Sans" in fonts(path)


def test_the_guide_has_a_time_plan_from_the_start_time_in_the_address(
    client_for, waarderende_dialoog, tmp_path
):
    url = reverse("method-guide", args=[waarderende_dialoog.pk]) + "?start=19:15"
    text = pdf_text(download(client_for("organiser"), url, tmp_path))

    # 15 + 25 + 40 + 25 + 25 + 15 minutes from 19:15.
    for slot in ["19:15–19:30", "19:30–19:55", "19:55–20:35", "20:35–21:00", "21:00–21:25"]:
        assert slot in text
    assert "21:25–21:40" in text
    assert "19:15–21:40" in text and "145" in text


def test_a_wrong_start_time_falls_back_to_seven_in_the_evening(
    client_for, waarderende_dialoog, tmp_path
):
    url = reverse("method-guide", args=[waarderende_dialoog.pk]) + "?start=later"
    text = pdf_text(download(client_for("organiser"), url, tmp_path))

    assert "19:00–19:15" in text


def test_the_time_plan_runs_past_midnight_without_trouble():
    class Phase:
        def __init__(self, minutes):
            self.minutes = minutes

    plan = printing.time_plan([Phase(30), Phase(45)], printing.parse_start("23:30"))

    assert [(p.starts.strftime("%H:%M"), p.ends.strftime("%H:%M")) for p in plan] == [
        ("23:30", "00:00"),
        ("00:00", "00:45"),
    ]


@pytest.mark.parametrize("family", ["waarderende-dialoog", "oasis"])
def test_the_table_cards_have_a_rules_card_and_one_card_per_phase(
    client_for, shipped_methods, tmp_path, family
):
    method = shipped_methods.get(family=family, language="nl")
    url = reverse("method-table-cards", args=[method.pk])
    path = download(client_for("trainer"), url, tmp_path)

    phases = list(method.phases.all())
    assert page_size(path) == A5_LANDSCAPE
    assert int(pdf_info(path)["Pages"]) == len(phases) + 1
    rules_card = pdf_text(path, page=1)
    for rule in method.rules_list:
        assert flat(rule) in rules_card
    for number, phase in enumerate(phases, start=2):
        card = pdf_text(path, page=number)
        assert flat(phase.name) in card
        for question in phase.questions_list:
            assert flat(question) in card, question


def test_an_adapted_phase_is_printed_as_changed(client_for, own_method, tmp_path):
    phase = own_method.phases.get(position=4)
    phase.name = "Samen dromen"
    phase.questions = "Wat wens je je buren toe?"
    phase.save()

    cards = download(
        client_for("organiser"), reverse("method-table-cards", args=[own_method.pk]), tmp_path
    )
    guide = download(
        client_for("organiser"), reverse("method-guide", args=[own_method.pk]), tmp_path, "g.pdf"
    )

    assert "Wat wens je je buren toe?" in pdf_text(cards, page=5)
    assert "Samen dromen" in pdf_text(guide)
