"""`wijkdialoog themes`: the JSON format, --k, --themes and clear messages; no database (the
tests carry no django_db mark, so any query fails them)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

DATA = Path(__file__).parent / "data"
CARDS = DATA / "cards_small.csv"
IDS = [f"c{i}" for i in range(1, 10)]


def read(path):
    return json.loads(path.read_text("utf-8"))


def check_format(document, theme_count):
    assert set(document) == {"schema", "cards", "themes", "runtime_s"}
    assert document["schema"] == "wijkdialoog-themes/1"
    assert list(document["cards"]) == IDS
    assert isinstance(document["runtime_s"], float)
    assert len(document["themes"]) == theme_count
    for number, theme in enumerate(document["themes"]):
        assert set(theme) == {"name", "keywords", "cards"}
        assert isinstance(theme["name"], str)
        assert all(isinstance(word, str) for word in theme["keywords"])
        assert theme["cards"] == [c for c, t in document["cards"].items() if t == number]


def test_suggestions_with_k_write_the_documented_format(tmp_path):
    out = tmp_path / "out.json"
    call_command("themes", str(CARDS), "--json", str(out), "--k", "3")
    document = read(out)
    check_format(document, 3)
    assert None not in document["cards"].values()
    assert all(theme["name"] for theme in document["themes"])


def test_themes_mode_lists_the_given_themes_in_file_order(tmp_path):
    out = tmp_path / "out.json"
    call_command(
        "themes", str(CARDS), "--json", str(out), "--themes", str(DATA / "themes_small.csv")
    )
    document = read(out)
    check_format(document, 3)
    assert [t["name"] for t in document["themes"]] == ["Groen en spelen", "Verkeer", "Eenzaamheid"]
    assert document["cards"]["c1"] == 0
    assert document["cards"]["c4"] == 1
    assert document["cards"]["c7"] == 2


def test_a_card_far_from_every_theme_is_null(tmp_path):
    themes_csv = tmp_path / "themes.csv"
    themes_csv.write_text("name,description\nVerkeer,Auto's rijden te hard door de straat\n")
    out = tmp_path / "out.json"
    call_command("themes", str(CARDS), "--json", str(out), "--themes", str(themes_csv))
    cards = read(out)["cards"]
    assert cards["c4"] == 0
    assert cards["c7"] is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("id,body\n1,Iets\n", "missing column(s) text"),
        ("id,text\n1,Iets\n1,Nog iets\n", "the id 1 occurs twice"),
        (b"id,text\n1,\xff\xfe\n", "not UTF-8"),
    ],
)
def test_bad_cards_give_a_clear_message(tmp_path, content, message):
    path = tmp_path / "cards.csv"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, "utf-8")
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        call_command("themes", str(path), "--json", str(tmp_path / "out.json"))


def test_a_missing_file_or_theme_column_gives_a_clear_message(tmp_path):
    out = str(tmp_path / "out.json")
    with pytest.raises(CommandError, match="no such file"):
        call_command("themes", str(tmp_path / "nothing.csv"), "--json", out)
    bad = tmp_path / "themes.csv"
    bad.write_text("title\nGroen\n")
    with pytest.raises(CommandError, match="missing column"):
        call_command("themes", str(CARDS), "--json", out, "--themes", str(bad))


def test_the_command_runs_without_django_settings_or_secret_key(tmp_path):
    out = tmp_path / "out.json"
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "does.not.exist"}
    result = subprocess.run(
        [sys.executable, "-m", "wijkdialoog", "themes", str(CARDS), "--json", str(out), "--k", "2"],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        check=False,
    )
    assert result.returncode == 0, result.stderr
    check_format(read(out), 2)
    missing = subprocess.run(
        [sys.executable, "-m", "wijkdialoog", "themes", "nothing.csv", "--json", str(out)],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        check=False,
    )
    assert missing.returncode == 2
    assert "nothing.csv: no such file" in missing.stderr
