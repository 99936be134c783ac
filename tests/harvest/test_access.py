"""Who may open facilitator mode: the table's own facilitator or harvester and the organisers of
the organisation. Every other persona is turned away from every page of it; anonymous visitors
are sent to log in."""

import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.builders import png_bytes
from tests.conftest import PERSONAS
from wijkdialoog.harvest import capture
from wijkdialoog.harvest.models import Card

ALLOWED = {"facilitator", "organiser"}
DENIED = [p for p in PERSONAS if p not in ALLOWED] + ["other_facilitator"]


@pytest.fixture
def pending_card(run):
    return capture.add_card(
        table=run.table,
        client_id=uuid.uuid4(),
        kind="idea",
        text="Een bankje bij de speeltuin",
        phase=None,
        source=Card.Source.PARTICIPANT,
    )


def pages(table, run, people, card):
    """(method, url, data) for every page of facilitator mode."""
    return [
        ("get", reverse("table-run", args=[table.pk]), None),
        ("post", reverse("table-run-start", args=[table.pk]), {}),
        ("post", reverse("table-run-phase", args=[table.pk]), {"direction": "next"}),
        ("post", reverse("table-run-timer", args=[table.pk]), {"action": "pause"}),
        (
            "post",
            reverse("table-run-turn", args=[table.pk, people[0].pk]),
            {"spoken": "yes"},
        ),
        (
            "post",
            reverse("table-run-card", args=[table.pk]),
            {
                "client_id": str(uuid.uuid4()),
                "kind": "idea",
                "text": "Samen koken",
                "publication": "public",
            },
        ),
        (
            "post",
            reverse("table-run-review", args=[table.pk, card.pk]),
            {"decision": "approve"},
        ),
        ("get", reverse("table-run-cards", args=[table.pk]), None),
        ("get", reverse("table-run-close", args=[table.pk]), None),
        ("post", reverse("table-run-close", args=[table.pk]), {"closing_note": "Klaar"}),
        ("post", reverse("table-run-reopen", args=[table.pk]), {}),
        ("get", reverse("table-run-qr-sheet", args=[table.pk]), None),
        ("post", reverse("table-run-qr-sheet", args=[table.pk]), {}),
    ]


def send(client, method, url, data):
    return client.get(url) if method == "get" else client.post(url, data or {})


@pytest.mark.parametrize("persona", sorted(ALLOWED))
def test_the_tables_facilitator_and_an_organiser_open_every_page(
    client_for, persona, table, run, people, pending_card
):
    client = client_for(persona)
    for method, url, data in pages(table, run, people, pending_card):
        response = send(client, method, url, data)
        assert response.status_code in (200, 302), (url, response.status_code)
        if response.status_code == 302:
            assert response["Location"].startswith(f"/tafel/{table.pk}/"), url
    assert Card.objects.filter(text="Samen koken").exists()


@pytest.mark.parametrize("persona", DENIED)
def test_everyone_else_is_turned_away_from_every_page(
    client, client_for, persona, table, run, people, pending_card, request
):
    if persona == "other_facilitator":
        client.force_login(request.getfixturevalue("other_facilitator").person.user)
    else:
        client = client_for(persona)
    for method, url, data in pages(table, run, people, pending_card):
        response = send(client, method, url, data)
        if persona == "anonymous":
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse("login")), url
        else:
            assert response.status_code == 403, (url, response.status_code)
    pending_card.refresh_from_db()
    assert pending_card.status == Card.Status.PENDING
    assert not Card.objects.filter(text="Samen koken").exists()
    run.refresh_from_db()
    assert run.phase_position == 1
    assert run.closed_at is None


def test_the_harvester_of_the_table_may_run_it(client, table, run, other_facilitator):
    table.harvester = other_facilitator.person
    table.save()
    client.force_login(other_facilitator.person.user)

    assert client.get(reverse("table-run", args=[table.pk])).status_code == 200


def test_a_facilitator_whose_role_ended_may_no_longer_run_their_table(
    client, table, run, facilitator
):
    facilitator.is_active = False
    facilitator.save()
    client.force_login(facilitator.person.user)

    assert client.get(reverse("table-run", args=[table.pk])).status_code == 403


def test_a_facilitator_cannot_run_another_table_of_the_same_meeting(client, table, facilitator):
    other = table.meeting.tables.get(number=2)
    client.force_login(facilitator.person.user)

    assert client.get(reverse("table-run", args=[other.pk])).status_code == 403


def test_a_photo_is_only_served_to_who_may_run_the_table(client_for, run, client):
    photo, _ = capture.add_photo(
        table=run.table,
        client_id=uuid.uuid4(),
        image=SimpleUploadedFile("flap.png", png_bytes(), content_type="image/png"),
        caption="",
        publication=Card.Publication.INTERNAL,
        actor=None,
    )
    url = reverse("table-run-photo", args=[run.table.pk, photo.pk])
    response = client_for("facilitator").get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    client.logout()
    assert client_for("partner").get(url).status_code == 403
