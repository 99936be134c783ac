"""Personas and shared fixtures. Every view is tested for each persona: allowed and denied."""

import os

os.environ.setdefault("WIJKDIALOOG_TESTING", "true")
# Playwright's sync API runs an event loop in the test thread; the ORM is still used synchronously.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import pytest

from tests.builders import make_membership, make_organisation, make_person

PASSWORD = "a-long-test-password"


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.SITE_URL = "http://testserver"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def organisation(db):
    return make_organisation(name="Buurtwerk Test", slug="buurtwerk-test")


@pytest.fixture
def other_organisation(db):
    return make_organisation(name="Andere Stichting", slug="andere-stichting")


@pytest.fixture
def neighbourhood(organisation):
    from wijkdialoog.community.models import Neighbourhood

    return Neighbourhood.objects.create(
        organisation=organisation, name="Kersenbuurt", slug="kersenbuurt", municipality="Westerlaan"
    )


@pytest.fixture
def organiser(organisation):
    return make_membership(organisation, "organiser", first_name="Olga", email="olga@example.org")


@pytest.fixture
def facilitator(organisation):
    return make_membership(
        organisation, "facilitator", first_name="Fenna", email="fenna@example.org", trained=True
    )


@pytest.fixture
def partner(organisation):
    return make_membership(
        organisation,
        "partner",
        first_name="Pieter",
        email="pieter@example.org",
        partner_kind="gemeente",
        partner_organisation="Gemeente Westerlaan",
    )


@pytest.fixture
def trainer(organisation):
    return make_membership(
        organisation, "trainer", first_name="Marieke", email="marieke@example.org"
    )


@pytest.fixture
def resident(organisation):
    """A resident: known to the organisation, without any login."""
    return make_person(organisation, first_name="Rita", email="rita@example.org")


@pytest.fixture
def outsider(other_organisation):
    """An organiser of another organisation."""
    return make_membership(
        other_organisation, "organiser", first_name="Otto", email="otto@example.org"
    )


PERSONAS = ["anonymous", "organiser", "facilitator", "partner", "trainer", "outsider"]


@pytest.fixture
def client_for(client, request):
    """client_for("organiser") gives a test client logged in as that persona (or anonymous)."""

    def login_as(persona: str):
        if persona != "anonymous":
            membership = request.getfixturevalue(persona)
            client.force_login(membership.person.user)
        return client

    return login_as


@pytest.fixture
def user_for(request):
    """user_for("organiser") gives that persona's user; "anonymous" an anonymous user."""
    from django.contrib.auth.models import AnonymousUser

    def user(persona: str):
        if persona == "anonymous":
            return AnonymousUser()
        return request.getfixturevalue(persona).person.user

    return user


def expect_denied(response, persona: str, *, hidden: bool = False) -> None:
    """Anonymous visitors go to the login page; others get 403, or 404 where even the page's
    existence is not theirs to know (`hidden`)."""
    from django.urls import reverse

    if hidden:
        assert response.status_code == 404, persona
    elif persona == "anonymous":
        assert response.status_code == 302, persona
        assert response["Location"].startswith(reverse("login")), persona
    else:
        assert response.status_code == 403, persona


@pytest.fixture
def assert_access(user_for):
    """assert_access(url, allowed={"organiser"}) opens `url` as every persona, each with a fresh
    client: the allowed ones get `status`, the others are denied (see expect_denied)."""
    from django.test import Client

    def check(url, *, allowed, method="get", data=None, status=200, hidden=False):
        for persona in PERSONAS:
            client = Client()
            if persona != "anonymous":
                client.force_login(user_for(persona))
            response = getattr(client, method)(url, data or {})
            if persona in allowed:
                assert response.status_code == status, (persona, response.status_code)
            else:
                expect_denied(response, persona, hidden=hidden)

    return check
