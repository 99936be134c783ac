"""Pages for logged-in people carry personal data: browsers and proxies may not keep them
(`Cache-Control: no-store`). Public pages for anonymous visitors stay cacheable."""

import pytest
from django.urls import reverse

from tests.builders import make_meeting, make_registration


def no_store(response) -> bool:
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    return {"no-store", "private"} <= directives


@pytest.fixture
def meeting(neighbourhood):
    meeting = make_meeting(neighbourhood, seats=(6,), days=0)
    make_registration(meeting, "Anneke", access_needs="Rolstoel")
    return meeting


ORGANISER_PAGES = [
    ("dashboard", False),
    ("person-list", False),
    ("registration-list", True),
    ("registration-on-behalf", True),
    ("check-in", True),
    ("table-division", True),
    ("my-page", False),
]


@pytest.mark.parametrize(("name", "per_meeting"), ORGANISER_PAGES)
def test_every_page_for_a_logged_in_organiser_says_no_store(client_for, meeting, name, per_meeting):
    url = reverse(name, args=[meeting.pk] if per_meeting else [])
    response = client_for("organiser").get(url)
    assert response.status_code == 200
    assert no_store(response)


def test_a_person_page_and_a_refused_page_say_no_store_too(client_for, organiser, meeting):
    client = client_for("facilitator")
    assert no_store(client.get(reverse("my-page")))
    refused = client.get(reverse("registration-list", args=[meeting.pk]))
    assert refused.status_code == 403
    assert no_store(refused)


def test_public_pages_for_anonymous_visitors_may_still_be_cached(client, meeting):
    for url in (reverse("home"), reverse("meeting-public", args=[meeting.pk])):
        response = client.get(url)
        assert response.status_code == 200
        assert "no-store" not in response.get("Cache-Control", "")
