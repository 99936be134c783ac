"""Behind a proxy every visitor arrives from the proxy's address. With BEHIND_PROXY the login
lock-out and the rate limits take the client's address from the header the proxy adds; without
it they ignore that header, which anyone can forge (issue 7, item 4)."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.test import RequestFactory
from django.urls import reverse

from tests.builders import make_meeting
from tests.conftest import PASSWORD
from wijkdialoog.core.client_address import client_ip
from wijkdialoog.registrations.models import Registration

PROXY = "10.0.0.2"
ROOT = Path(__file__).resolve().parents[2]


def via_proxy(client_address: str) -> dict:
    """What a request looks like after our proxy: from the proxy, with the client appended."""
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": client_address}


def log_in(client, password, **meta):
    return client.post(
        reverse("login"), {"username": "olga@example.org", "password": password}, **meta
    )


def register(client, meeting, number, **meta):
    data = {"first_name": f"Buur{number}", "phone": f"06 1234 56{number:02d}", "consent": "on"}
    return client.post(reverse("meeting-register", args=[meeting.pk]), data, **meta)


def test_without_a_proxy_the_address_is_the_connections_and_the_header_is_ignored(settings):
    settings.BEHIND_PROXY = False
    request = RequestFactory().get("/", **via_proxy("203.0.113.9"))

    assert client_ip(request) == PROXY


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("203.0.113.9", "203.0.113.9"),
        # Whatever the client sent comes first; the proxy appends the address it saw.
        ("1.2.3.4, 203.0.113.9", "203.0.113.9"),
        ("2001:db8::1", "2001:db8::1"),
        ("", PROXY),
        ("nonsense", PROXY),
    ],
)
def test_behind_a_proxy_the_right_most_forwarded_address_counts(settings, header, expected):
    settings.BEHIND_PROXY = True
    request = RequestFactory().get("/", **via_proxy(header))

    assert client_ip(request) == expected


def test_behind_a_proxy_one_persons_wrong_passwords_do_not_lock_out_everyone(
    client, organiser, settings
):
    settings.BEHIND_PROXY = True
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "wrong", **via_proxy("203.0.113.9"))

    assert log_in(client, PASSWORD, **via_proxy("203.0.113.9")).status_code == 429
    assert log_in(client, PASSWORD, **via_proxy("198.51.100.7")).status_code == 302


def test_without_the_proxy_setting_a_forged_header_does_not_lift_a_lockout(
    client, organiser, settings
):
    settings.BEHIND_PROXY = False
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "wrong", **via_proxy("203.0.113.9"))

    assert log_in(client, PASSWORD, **via_proxy("198.51.100.7")).status_code == 429


def test_behind_a_proxy_the_sign_up_limit_counts_per_visitor(client, neighbourhood, settings):
    settings.BEHIND_PROXY = True
    settings.REGISTRATION_RATE = "2/h"
    meeting = make_meeting(neighbourhood, seats=(8,))

    for number in range(3):
        register(client, meeting, number, **via_proxy("203.0.113.9"))
    register(client, meeting, 3, **via_proxy("198.51.100.7"))

    names = set(Registration.objects.values_list("person__first_name", flat=True))
    assert names == {"Buur0", "Buur1", "Buur3"}


def test_without_the_proxy_setting_a_forged_header_does_not_escape_the_sign_up_limit(
    client, neighbourhood, settings
):
    settings.BEHIND_PROXY = False
    settings.REGISTRATION_RATE = "2/h"
    meeting = make_meeting(neighbourhood, seats=(8,))

    for number in range(4):
        register(client, meeting, number, **via_proxy(f"203.0.113.{number}"))

    assert Registration.objects.count() == 2


def test_the_proxy_setting_and_the_sign_up_rate_are_read_from_the_environment(tmp_path):
    script = (
        "import django; from django.conf import settings; django.setup(); "
        "print(settings.BEHIND_PROXY, settings.REGISTRATION_RATE, settings.SECURE_PROXY_SSL_HEADER)"
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "wijkdialoog.settings",
        "WIJKDIALOOG_VAR_DIR": str(tmp_path / "var"),
        "SECRET_KEY": "k" * 50,
        "BEHIND_PROXY": "true",
        "REGISTRATION_RATE": "10/m",
    }
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[:2] == ["True", "10/m"]
    assert "HTTP_X_FORWARDED_PROTO" in result.stdout
