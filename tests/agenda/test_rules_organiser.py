"""The organiser's agenda pages and the results rule, for every persona."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.agenda.organiser_data import make_agenda, make_statement
from tests.builders import make_series
from tests.conftest import PERSONAS
from tests.rules_table import case_ids, check_rule

CASES = [
    ("agenda.manage_agenda", "open_agenda", {"organiser"}),
    ("agenda.manage_agenda", "plain_series", {"organiser"}),
    ("agenda.view_results", "open_agenda", {"organiser"}),
    ("agenda.view_results", "closed_agenda", set(PERSONAS)),
]


@pytest.fixture
def plain_series(neighbourhood):
    return make_series(neighbourhood)


@pytest.fixture
def open_agenda(plain_series):
    return make_agenda(plain_series)


@pytest.fixture
def closed_agenda(plain_series):
    return make_agenda(plain_series, closed=True)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("permission", "subject", "allowed"), CASES, ids=case_ids(CASES))
def test_the_rule_allows_exactly_these_personas(
    db, request, user_for, persona, permission, subject, allowed
):
    check_rule(request, user_for, persona, permission, subject, allowed)


def organiser_pages(agenda, statement) -> list[tuple[str, str, dict]]:
    from tests.agenda.organiser_pages import extra_pages

    return [
        ("get", reverse("agenda-create", args=[agenda.series_id]), {}),
        ("post", reverse("agenda-create", args=[agenda.series_id]), {"title": "X"}),
        ("get", reverse("agenda-manage", args=[agenda.pk]), {}),
        ("post", reverse("agenda-edit", args=[agenda.pk]), {"agenda-title": "X"}),
        ("post", reverse("statement-add", args=[agenda.pk]), {"new-text": "X"}),
        ("get", reverse("statement-from-sources", args=[agenda.pk]), {}),
        ("post", reverse("statement-from-sources", args=[agenda.pk]), {"text": "X"}),
        ("get", reverse("statement-edit", args=[statement.pk]), {}),
        ("post", reverse("statement-edit", args=[statement.pk]), {"edit-text": "X"}),
        ("post", reverse("statement-merge", args=[statement.pk]), {}),
        ("post", reverse("statement-moderate", args=[statement.pk]), {"decision": "reject"}),
        *extra_pages(agenda, statement),
    ]


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_organiser_opens_or_changes_the_agenda_pages(user_for, open_agenda, persona):
    statement = make_statement(open_agenda, "Meer groen.")
    client = Client()
    if persona != "anonymous":
        client.force_login(user_for(persona))
    for method, url, data in organiser_pages(open_agenda, statement):
        response = getattr(client, method)(url, data)
        if persona == "organiser":
            assert response.status_code in (200, 302, 400), (url, response.status_code)
        elif persona == "anonymous":
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse("login")), url
        elif persona == "outsider":
            assert response.status_code == 404, url
        else:
            assert response.status_code == 403, url
    statement.refresh_from_db()
    assert statement.text == "Meer groen." or persona == "organiser"
