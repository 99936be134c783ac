"""`wijkdialoog polis-analyse`: no database, the JSON keys exactly, timing with --repeat."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from wijkdialoog.agenda.polis_cli import main

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("WIJKDIALOOG_POLIS_DATA", ROOT / "tests" / "data" / "polis"))
KEYS = {
    "schema",
    "conversation",
    "participants",
    "consensus",
    "n_groups",
    "top_consensus",
    "representative",
    "moderated_out",
    "runtime_s",
    "timing",
}


@pytest.fixture
def seattle():
    folder = DATA / "15-per-hour-seattle"
    # The conversations are committed under tests/data/polis: missing data is a broken checkout.
    assert folder.is_dir(), f"no Polis data in {folder} (set WIJKDIALOOG_POLIS_DATA)"
    return folder


def test_keys_and_repeat_timing(tmp_path, seattle):
    out = tmp_path / "out.json"
    assert main([str(seattle), str(seattle), "--json", str(out), "--repeat", "2"]) == 0
    objects = json.loads(out.read_text())
    assert isinstance(objects, list) and len(objects) == 2  # one object per folder
    data = objects[0]
    assert set(data) == KEYS
    assert data["schema"] == "wijkagenda-polis-eval/1"
    assert data["conversation"] == "15-per-hour-seattle"
    assert data["n_groups"] == 2 == len(data["representative"])
    assert len(data["top_consensus"]) == 5
    assert all(isinstance(k, str) for k in data["participants"])
    assert set(data["participants"].values()) == {0, 1}
    assert set(data["timing"]) == {
        "runs_s",
        "loadavg_1_5_15_before",
        "loadavg_1_5_15_after",
        "host",
    }
    assert len(data["timing"]["runs_s"]) == 2
    assert data["runtime_s"] == pytest.approx(sum(data["timing"]["runs_s"]) / 2)
    assert data["timing"]["host"]["cpu_count"] >= 1
    assert len(data["timing"]["loadavg_1_5_15_before"]) == 3


def test_runs_without_django_settings(tmp_path, seattle):
    out = tmp_path / "out.json"
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "SECRET_KEY")}
    done = subprocess.run(
        [sys.executable, "-m", "wijkdialoog", "polis-analyse", str(seattle), "--json", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(out.read_text())[0]
    assert data["runtime_s"] is None and data["timing"]["runs_s"] == []
    assert "django" not in done.stderr.lower()


def test_bad_export_names_file_row_column(tmp_path, capsys):
    (tmp_path / "comments.csv").write_text("comment-id,moderated,comment-body\nx,0,a\n")
    assert main([str(tmp_path), "--json", str(tmp_path / "o.json")]) == 2
    assert "comments.csv, row 2, column comment-id" in capsys.readouterr().err
    assert not (tmp_path / "o.json").exists()


def test_management_command(tmp_path, seattle):
    out = tmp_path / "out.json"
    call_command("polis_analyse", str(seattle), "--json", str(out))
    assert json.loads(out.read_text())[0]["conversation"] == "15-per-hour-seattle"
