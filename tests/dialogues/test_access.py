"""Every dialogue page, allowed and denied, for every persona. A resident has no login, so the
resident is the anonymous visitor here."""

import pytest
from django.urls import reverse

from tests.conftest import PERSONAS, expect_denied
from wijkdialoog.dialogues.models import Meeting, Table

# Pages that work on the organiser's own organisation (outsiders see their own, empty).
ORGANISATION_PAGES = ["series-list", "series-create", "venue-list", "venue-create"]
# Pages about one object of the organisation: (url name, fixture that gives the object).
OBJECT_PAGES = [
    ("series-detail", "series"),
    ("series-edit", "series"),
    ("meeting-create", "series"),
    ("meeting-manage", "meeting"),
    ("meeting-edit", "meeting"),
    ("meeting-cancel", "meeting"),
    ("table-create", "meeting"),
    ("table-edit", "table"),
    ("table-delete", "table"),
    ("venue-edit", "venue"),
]
PUBLIC_MEETING_PAGES = ["meeting-public", "meeting-ics"]


@pytest.mark.parametrize("name", ORGANISATION_PAGES)
def test_organisation_pages_are_for_organisers_only(assert_access, name):
    assert_access(reverse(name), allowed={"organiser", "outsider"})


@pytest.mark.parametrize(("name", "subject"), OBJECT_PAGES)
def test_object_pages_are_for_organisers_of_that_organisation(
    request, assert_access, name, subject
):
    obj = request.getfixturevalue(subject)
    assert_access(reverse(name, args=[obj.pk]), allowed={"organiser"})


@pytest.mark.parametrize("persona", ["anonymous", "facilitator", "partner", "trainer", "outsider"])
def test_nobody_else_can_cancel_a_meeting_or_remove_a_table(client_for, persona, meeting, table):
    client = client_for(persona)
    expect_denied(client.post(reverse("meeting-cancel", args=[meeting.pk])), persona)
    expect_denied(client.post(reverse("table-delete", args=[table.pk])), persona)
    expect_denied(
        client.post(reverse("table-edit", args=[table.pk]), {"number": 1, "seats": 4}), persona
    )
    assert Meeting.objects.get(pk=meeting.pk).cancelled_at is None
    assert Table.objects.get(pk=table.pk).seats == 8


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_public_pages_of_a_published_meeting_are_open_to_everyone(
    client_for, persona, meeting, neighbourhood, organisation
):
    client = client_for(persona)
    for name in PUBLIC_MEETING_PAGES:
        assert client.get(reverse(name, args=[meeting.pk])).status_code == 200
    for name in ("neighbourhood-public", "neighbourhood-feed"):
        url = reverse(name, args=[organisation.slug, neighbourhood.slug])
        assert client.get(url).status_code == 200
    assert client.get(reverse("home")).status_code == 200


@pytest.mark.parametrize("persona", PERSONAS)
def test_an_unpublished_meeting_is_only_shown_to_its_organisers(
    client_for, persona, unpublished_meeting
):
    client = client_for(persona)
    for name in PUBLIC_MEETING_PAGES:
        response = client.get(reverse(name, args=[unpublished_meeting.pk]))
        assert response.status_code == (200 if persona == "organiser" else 404)


def test_a_neighbourhood_page_needs_the_right_organisation(
    client, neighbourhood, other_organisation
):
    url = reverse("neighbourhood-public", args=[other_organisation.slug, neighbourhood.slug])
    assert client.get(url).status_code == 404
