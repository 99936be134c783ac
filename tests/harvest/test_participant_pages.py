"""Participants through the QR code on the table (no account): their cards wait for the
facilitator, the evaluation is kept once, both are rate-limited; personal actions are shared or
kept private through the registration's own link."""

import datetime
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from wijkdialoog.dialogues.models import Meeting
from wijkdialoog.harvest import capture
from wijkdialoog.harvest.models import Card, Evaluation

JSON = {"HTTP_ACCEPT": "application/json"}


def card_data(**values):
    data = {
        "client_id": str(uuid.uuid4()),
        "kind": "dream",
        "text": "Een bankje bij de speeltuin waar buren elkaar treffen.",
        "first_name": "Sanne",
        "publication": "public",
    }
    data.update(values)
    return data


def evaluation_data(**values):
    data = {
        "client_id": str(uuid.uuid4()),
        "rating": "3",
        "met_someone_new": "yes",
        "takeaway": "Dat mijn buurman ook tuiniert.",
    }
    data.update(values)
    return data


def test_a_participant_writes_a_card_that_waits_for_the_facilitator(client, run):
    url = reverse("participant-card", args=[run.participant_token])
    page = client.get(url)
    assert page.status_code == 200
    assert 'data-capture data-queue-key="participant-' in page.content.decode()

    response = client.post(url, card_data())

    assert response.status_code == 302
    assert response["Location"] == url
    card = Card.objects.get()
    assert card.source == Card.Source.PARTICIPANT
    assert card.status == Card.Status.PENDING
    assert card.table == run.table
    assert card.phase.position == run.phase_position
    assert card.created_by is None
    assert not Card.objects.public().exists()


def test_the_capture_script_on_a_participants_phone_gets_201_then_200(client, run):
    url = reverse("participant-card", args=[run.participant_token])
    data = card_data()

    assert client.post(url, data, **JSON).status_code == 201
    assert client.post(url, data, **JSON).status_code == 200
    response = client.post(url, card_data(text=""), **JSON)
    assert response.status_code == 400
    assert "text" in response.json()["errors"]
    assert Card.objects.count() == 1


def test_a_participant_cannot_approve_or_choose_the_status_of_their_card(client, run):
    url = reverse("participant-card", args=[run.participant_token])
    client.post(url, card_data(status="approved", source="facilitator"))

    card = Card.objects.get()
    assert card.status == Card.Status.PENDING
    assert card.source == Card.Source.PARTICIPANT


@pytest.mark.parametrize("kind", ["participant-card", "participant-evaluation"])
def test_an_unknown_link_leads_nowhere(client, run, kind):
    response = client.get(reverse(kind, args=["not-the-token"]))
    assert response.status_code == 404
    assert client.post(reverse(kind, args=["not-the-token"]), card_data()).status_code == 404
    assert not Card.objects.exists()


def test_the_links_stop_working_a_day_after_the_meeting(client, run):
    meeting = run.table.meeting
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=timezone.now() - datetime.timedelta(days=2),
        ends_at=timezone.now() - datetime.timedelta(days=1, minutes=1),
    )
    for name in ("participant-card", "participant-evaluation"):
        assert client.get(reverse(name, args=[run.participant_token])).status_code == 404


def test_the_links_still_work_just_after_the_meeting_for_cards_waiting_on_a_phone(client, run):
    Meeting.objects.filter(pk=run.table.meeting_id).update(
        starts_at=timezone.now() - datetime.timedelta(hours=5),
        ends_at=timezone.now() - datetime.timedelta(hours=2),
    )
    url = reverse("participant-card", args=[run.participant_token])
    assert client.post(url, card_data(), **JSON).status_code == 201


def test_a_cancelled_meetings_links_lead_nowhere(client, run):
    Meeting.objects.filter(pk=run.table.meeting_id).update(cancelled_at=timezone.now())
    url = reverse("participant-card", args=[run.participant_token])
    assert client.get(url).status_code == 404


def test_participant_cards_are_rate_limited_per_table_link(client, run, settings):
    settings.HARVEST_PARTICIPANT_RATE_PER_TABLE = "3/h"
    url = reverse("participant-card", args=[run.participant_token])
    for _ in range(3):
        assert client.post(url, card_data(), **JSON).status_code == 201

    refused = client.post(url, card_data(), **JSON)
    assert refused.status_code == 429
    assert refused.json()["saved"] is False
    assert client.post(url, card_data()).status_code == 429
    assert Card.objects.count() == 3
    # Reading the page is never limited.
    assert client.get(url).status_code == 200


def test_participant_cards_are_rate_limited_per_network_address(
    client, run, table, settings, facilitator
):
    from wijkdialoog.harvest import running

    settings.HARVEST_PARTICIPANT_RATE_PER_IP = "2/h"
    other_run = running.start_run(
        table=table.meeting.tables.get(number=2), actor=facilitator.person.user
    )
    first = reverse("participant-card", args=[run.participant_token])
    second = reverse("participant-card", args=[other_run.participant_token])

    assert client.post(first, card_data(), **JSON).status_code == 201
    assert client.post(second, card_data(), **JSON).status_code == 201
    assert client.post(second, card_data(), **JSON).status_code == 429
    other = client.post(second, card_data(), REMOTE_ADDR="10.1.2.3", **JSON)
    assert other.status_code == 201


def test_an_evaluation_is_kept_once_even_when_sent_twice(client, run):
    url = reverse("participant-evaluation", args=[run.participant_token])
    assert client.get(url).status_code == 200
    data = evaluation_data()

    first = client.post(url, data)
    again = client.post(url, data)

    assert first.status_code == again.status_code == 302
    assert first["Location"] == reverse("participant-evaluation-done", args=[run.participant_token])
    evaluation = Evaluation.objects.get()
    assert evaluation.table == run.table
    assert evaluation.rating == 3
    assert evaluation.met_someone_new == "yes"
    assert evaluation.takeaway == "Dat mijn buurman ook tuiniert."
    assert client.get(first["Location"]).status_code == 200


def test_an_evaluation_needs_an_answer_to_the_first_question(client, run):
    url = reverse("participant-evaluation", args=[run.participant_token])
    response = client.post(url, evaluation_data(rating=""))

    assert response.status_code == 200
    assert 'id="id_rating_error"' in response.content.decode()
    assert not Evaluation.objects.exists()


def test_evaluations_are_rate_limited(client, run, settings):
    settings.HARVEST_PARTICIPANT_RATE_PER_TABLE = "2/h"
    url = reverse("participant-evaluation", args=[run.participant_token])
    client.post(url, evaluation_data())
    client.post(url, evaluation_data())

    assert client.post(url, evaluation_data()).status_code == 429
    assert Evaluation.objects.count() == 2


@pytest.fixture
def action(run, people):
    """Bram's personal action, recorded by the facilitator."""
    return capture.add_card(
        table=run.table,
        client_id=uuid.uuid4(),
        kind="action",
        text="Ik nodig de nieuwe buren uit voor koffie.",
        phase=None,
        publication=Card.Publication.INTERNAL,
        owner=people[1].person,
    )


def test_a_person_sees_their_own_action_on_their_registration_page(client, action, people):
    bram, anna = people[1], people[0]

    html = client.get(reverse("registration-manage", args=[bram.manage_token])).content.decode()
    assert f'id="action-{action.pk}"' in html
    assert 'data-shared="no"' in html
    assert action.text in html

    html = client.get(reverse("registration-manage", args=[anna.manage_token])).content.decode()
    assert 'id="my-actions"' not in html


def test_the_owner_shares_their_action_and_takes_it_back(client, action, people):
    bram = people[1]
    url = reverse("action-share", args=[bram.manage_token, action.pk])

    response = client.post(url, {"shared": "yes"})
    assert response.status_code == 302
    assert response["Location"] == reverse("registration-manage", args=[bram.manage_token])
    action.refresh_from_db()
    assert action.shared
    assert list(Card.objects.public()) == [action]

    client.post(url, {"shared": "no"})
    action.refresh_from_db()
    assert not action.shared
    assert not Card.objects.public().exists()


def test_nobody_else_can_share_someones_action(client, action, people):
    anna = people[0]
    response = client.post(
        reverse("action-share", args=[anna.manage_token, action.pk]), {"shared": "yes"}
    )
    assert response.status_code == 404
    assert (
        client.post(
            reverse("action-share", args=["wrong-token", action.pk]), {"shared": "yes"}
        ).status_code
        == 404
    )
    action.refresh_from_db()
    assert not action.shared


def test_after_the_meeting_the_actions_have_their_own_page(client, action, people):
    bram = people[1]
    Meeting.objects.filter(pk=bram.meeting_id).update(
        starts_at=timezone.now() - datetime.timedelta(days=20),
        ends_at=timezone.now() - datetime.timedelta(days=20) + datetime.timedelta(hours=3),
    )
    page = client.get(reverse("registration-actions", args=[bram.manage_token]))
    assert page.status_code == 200
    assert f'id="action-{action.pk}"' in page.content.decode()

    response = client.post(
        reverse("action-share", args=[bram.manage_token, action.pk]), {"shared": "yes"}
    )
    assert response["Location"] == reverse("registration-actions", args=[bram.manage_token])
    assert client.get(reverse("registration-actions", args=["nope"])).status_code == 404


def test_a_participants_pending_action_card_is_not_shown_as_an_action(client, run, people):
    """Only approved actions recorded at the table belong on the person's page."""
    card = capture.add_card(
        table=run.table,
        client_id=uuid.uuid4(),
        kind="action",
        text="Ik ga iets doen",
        phase=None,
        source=Card.Source.PARTICIPANT,
    )
    html = client.get(
        reverse("registration-manage", args=[people[0].manage_token])
    ).content.decode()
    assert card.text not in html


def test_a_participants_card_keeps_the_phase_it_was_written_in(client, run, facilitator):
    from wijkdialoog.harvest import running

    url = reverse("participant-card", args=[run.participant_token])
    html = client.get(url).content.decode()
    first_phase = running.current_phase(run, running.phases_of(run))
    assert f'name="phase_id" value="{first_phase.pk}"' in html
    running.go_to_phase(run=run, direction="next", actor=facilitator.person.user)

    client.post(url, card_data(phase_id=str(first_phase.pk)), **JSON)

    assert Card.objects.get().phase == first_phase
