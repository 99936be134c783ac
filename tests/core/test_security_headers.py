"""Security headers on every page: a strict Content Security Policy with a nonce, no framing, no
content sniffing, and a referrer policy that keeps addresses on the site."""

import re

import pytest
from django.urls import reverse

from tests.builders import make_harvest_meeting


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.mark.parametrize("name", ["home", "privacy", "login", "magic-link-request"])
def test_pages_have_a_content_security_policy_with_a_nonce_and_no_unsafe_inline(client, db, name):
    response = client.get(reverse(name))
    directives = policy(response)
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert directives["default-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["style-src"] == ["'self'"]
    # Django names a nonce only when the page used one: these pages load no script.
    assert directives["script-src"] == ["'self'"]


def test_the_nonce_on_the_script_tag_is_the_one_in_the_header(client, neighbourhood):
    # The harvest wall loads htmx and its own script.
    meeting = make_harvest_meeting(neighbourhood)
    response = client.get(reverse("harvest-wall", args=[meeting.pk]))
    [nonce] = [v for v in policy(response)["script-src"] if v.startswith("'nonce-")]
    nonce = nonce.removeprefix("'nonce-").removesuffix("'")
    scripts = re.findall(r"<script[^>]*>", response.content.decode())
    assert scripts, "the page loads htmx with a nonce"
    for script in scripts:
        assert f'nonce="{nonce}"' in script
        assert "src=" in script  # no inline scripts


def test_each_response_gets_a_new_nonce(client, neighbourhood):
    url = reverse("harvest-wall", args=[make_harvest_meeting(neighbourhood).pk])
    first = policy(client.get(url))["script-src"]
    second = policy(client.get(url))["script-src"]
    assert first != second


def test_pages_have_no_inline_styles_or_inline_scripts(client_for):
    client = client_for("organiser")
    for name in ("home", "privacy", "dashboard", "person-list", "role-list", "role-invite"):
        content = client.get(reverse(name)).content.decode()
        assert " style=" not in content, name
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", content), name


@pytest.mark.parametrize("name", ["home", "login"])
def test_pages_refuse_framing_sniffing_and_leaking_the_referrer(client, db, name):
    response = client.get(reverse(name))
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_error_pages_have_the_security_headers_too(client, db):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Content-Security-Policy" in response
    assert response["X-Frame-Options"] == "DENY"


def test_the_session_cookie_cannot_be_read_by_scripts(client, organiser):
    response = client.post(
        reverse("login"), {"username": "olga@example.org", "password": "a-long-test-password"}
    )
    session = response.cookies["sessionid"]
    assert session["httponly"]
    assert session["samesite"] == "Lax"
