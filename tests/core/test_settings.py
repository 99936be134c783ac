"""The settings are read from the environment and fail loudly on a bad or missing value. Each
case starts a fresh Python process with a crafted environment, as a real start would."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRINT_SETTINGS = """
import json, django
from django.conf import settings
django.setup()
db = settings.DATABASES["default"]
print(json.dumps({
    "DEBUG": settings.DEBUG,
    "ENGINE": db["ENGINE"],
    "NAME": str(db["NAME"]),
    "HOST": db.get("HOST", ""),
    "SESSION_COOKIE_SECURE": settings.SESSION_COOKIE_SECURE,
    "CSRF_COOKIE_SECURE": settings.CSRF_COOKIE_SECURE,
    "LANGUAGE_COOKIE_SECURE": settings.LANGUAGE_COOKIE_SECURE,
    "TASKS": settings.TASKS["default"]["BACKEND"],
}))
"""
GOOD_KEY = "k" * 50


def start(tmp_path, **variables):
    """Runs Django's set-up in a new process with only the given variables (and a PATH)."""
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "wijkdialoog.settings",
        "WIJKDIALOOG_VAR_DIR": str(tmp_path / "var"),
        **variables,
    }
    return subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=tmp_path,  # no .env file here
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def started(result) -> dict:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def refused(result) -> str:
    assert result.returncode != 0, result.stdout
    assert "ImproperlyConfigured" in result.stderr
    return result.stderr.strip().splitlines()[-1]


@pytest.mark.parametrize("value", ["maybe", "2", "ja"])
def test_a_debug_value_that_is_not_clearly_yes_or_no_stops_the_start(tmp_path, value):
    message = refused(start(tmp_path, DEBUG=value, SECRET_KEY=GOOD_KEY))
    assert "DEBUG must be one of" in message
    assert repr(value) in message


@pytest.mark.parametrize(("value", "expected"), [("true", True), ("No", False), ("1", True)])
def test_clear_yes_and_no_values_are_understood(tmp_path, value, expected):
    assert started(start(tmp_path, DEBUG=value, SECRET_KEY=GOOD_KEY))["DEBUG"] is expected


def test_production_without_a_secret_key_refuses_to_start(tmp_path):
    message = refused(start(tmp_path))
    assert "SECRET_KEY is not set" in message
    assert not (tmp_path / "var" / "secret_key").exists()


def test_a_too_short_secret_key_is_refused(tmp_path):
    message = refused(start(tmp_path, SECRET_KEY="short-and-weak"))
    assert "SECRET_KEY must be at least 32 characters" in message


def test_development_generates_a_secret_key_once_and_keeps_it_private(tmp_path):
    started(start(tmp_path, DEBUG="true"))
    key_file = tmp_path / "var" / "secret_key"
    key = key_file.read_text()
    assert len(key) >= 50
    assert key_file.stat().st_mode & 0o777 == 0o600
    started(start(tmp_path, DEBUG="true"))
    assert key_file.read_text() == key


def test_production_uses_secure_cookies_and_the_database_task_queue(tmp_path):
    values = started(start(tmp_path, SECRET_KEY=GOOD_KEY))
    assert values["DEBUG"] is False
    assert values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"]
    assert values["LANGUAGE_COOKIE_SECURE"]
    assert values["TASKS"] == "django_tasks_db.DatabaseBackend"


def test_without_a_database_url_the_data_lives_in_sqlite_under_var(tmp_path):
    values = started(start(tmp_path, SECRET_KEY=GOOD_KEY))
    assert values["ENGINE"] == "django.db.backends.sqlite3"
    assert values["NAME"] == str(tmp_path / "var" / "wijkdialoog.sqlite3")


def test_a_database_url_selects_postgresql(tmp_path):
    url = "postgres://wijk:geheim@db.example.org:5432/wijkdialoog"
    values = started(start(tmp_path, SECRET_KEY=GOOD_KEY, DATABASE_URL=url))
    assert values["ENGINE"] == "django.db.backends.postgresql"
    assert (values["NAME"], values["HOST"]) == ("wijkdialoog", "db.example.org")


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("MAGIC_LINK_MINUTES", "twenty", "MAGIC_LINK_MINUTES must be a whole number"),
        ("MAGIC_LINK_MINUTES", "0", "MAGIC_LINK_MINUTES must be at least 1"),
        ("AXES_FAILURE_LIMIT", "-3", "AXES_FAILURE_LIMIT must be at least 1"),
        ("TASKS_BACKEND", "celery", "TASKS_BACKEND must be one of immediate, database"),
        ("HTTPS", "sometimes", "HTTPS must be one of"),
    ],
)
def test_other_bad_values_stop_the_start_with_a_clear_message(tmp_path, variable, value, message):
    assert message in refused(start(tmp_path, SECRET_KEY=GOOD_KEY, **{variable: value}))


def test_the_project_folder_has_no_env_file_with_secrets_committed():
    tracked = subprocess.run(
        ["git", "ls-files", ".env", "var"], cwd=ROOT, capture_output=True, text=True
    ).stdout
    assert tracked.strip() == ""


def test_without_https_every_cookie_works_over_plain_http(tmp_path):
    """A local network without TLS: the language choice must stick like the login does."""
    values = started(start(tmp_path, SECRET_KEY=GOOD_KEY, HTTPS="false"))
    assert not values["SESSION_COOKIE_SECURE"]
    assert not values["CSRF_COOKIE_SECURE"]
    assert not values["LANGUAGE_COOKIE_SECURE"]
