"""Facilitator mode through its pages, without JavaScript: start, phases, turns, cards (plain
form and the capture script's JSON answers), approving participants' cards, photos, closing."""

import datetime
import re
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from tests.builders import png_bytes, seat
from wijkdialoog.harvest import capture, running
from wijkdialoog.harvest.models import Card, Photo, TableRun, Turn
from wijkdialoog.harvest.templatetags.harvest_run import timer_text

JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def fenna(client, facilitator):
    client.force_login(facilitator.person.user)
    return client


def card_data(**values):
    data = {
        "client_id": str(uuid.uuid4()),
        "kind": "experience",
        "text": "Toen de straat samen de sneeuw ruimde.",
        "publication": "public",
    }
    data.update(values)
    return data


def test_before_the_start_the_page_shows_the_method_and_a_start_button(fenna, table, people):
    response = fenna.get(reverse("table-run", args=[table.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="start-run"' in html
    assert html.count("<li>") >= 4
    for name in ("Opening", "Kennismaken", "Ervaringen delen", "Doen", "Anna", "Bram", "Cem"):
        assert name in html
    assert not TableRun.objects.exists()


def test_starting_opens_the_first_phase_with_its_questions_timer_and_rules(fenna, table, people):
    response = fenna.post(reverse("table-run-start", args=[table.pk]))
    assert response.status_code == 302

    response = fenna.get(reverse("table-run", args=[table.pk]))
    html = response.content.decode()
    assert 'id="phase-heading">Opening<' in html
    assert "What brought you here?" in html
    assert 'role="timer"' in html
    assert 'data-minutes-left="10"' in html
    assert '<details class="wd-run__rules" id="rules">' in html
    assert "Geen discussie." in html
    for registration in people:
        assert f'id="turn-{registration.pk}"' in html
    assert 'id="previous-phase"' not in html
    assert 'id="next-phase"' in html
    # Scripts only from static files, with the nonce; no inline script.
    assert re.search(r'<script src="/static/harvest/capture.js" nonce="[^"]+" defer>', html)
    assert "<script>" not in html


def test_the_quiet_timer_says_about_how_many_minutes_are_left():
    assert "12" in timer_text(12)
    assert timer_text(1) != timer_text(0) != timer_text(-1)
    assert "3" in timer_text(-3)


def test_the_timer_is_rendered_by_the_server_without_javascript(fenna, run):
    TableRun.objects.filter(pk=run.pk).update(
        phase_started_at=timezone.now() - datetime.timedelta(minutes=4, seconds=10)
    )
    html = fenna.get(reverse("table-run", args=[run.table.pk])).content.decode()

    assert 'data-minutes-left="6"' in html
    assert timer_text(6) in html


def test_next_and_previous_phase_buttons_move_the_table(fenna, run):
    url = reverse("table-run-phase", args=[run.table.pk])
    fenna.post(url, {"direction": "next", "from_position": "1"})
    # The same tap arriving twice does not skip a phase.
    fenna.post(url, {"direction": "next", "from_position": "1"})
    run.refresh_from_db()
    assert run.phase_position == 2

    html = fenna.get(reverse("table-run", args=[run.table.pk])).content.decode()
    assert 'id="phase-heading">Kennismaken<' in html
    assert 'id="previous-phase"' in html

    fenna.post(url, {"direction": "previous", "from_position": "2"})
    run.refresh_from_db()
    assert run.phase_position == 1
    assert fenna.post(url, {"direction": "sideways"}).status_code == 400


def test_on_the_last_phase_the_next_button_becomes_close_the_table(fenna, run, facilitator):
    for _ in range(3):
        running.go_to_phase(run=run, direction="next", actor=facilitator.person.user)
    html = fenna.get(reverse("table-run", args=[run.table.pk])).content.decode()

    assert 'id="next-phase"' not in html
    assert f'href="{reverse("table-run-close", args=[run.table.pk])}" id="close-link"' in html


def test_a_tap_on_a_name_marks_their_turn_and_a_second_tap_undoes_it(fenna, run, people):
    anna = people[0]
    url = reverse("table-run-turn", args=[run.table.pk, anna.pk])

    response = fenna.post(url, {"spoken": "yes"})
    assert response.status_code == 302
    assert response["Location"].endswith("#people")
    assert Turn.objects.filter(run=run, registration=anna, phase_position=1).exists()
    html = fenna.get(reverse("table-run", args=[run.table.pk])).content.decode()
    assert re.search(rf'id="turn-{anna.pk}" aria-pressed="true"', html)

    fenna.post(url, {"spoken": "no"})
    assert not Turn.objects.exists()


def test_someone_from_another_table_cannot_get_a_turn_here(fenna, run, table):
    elsewhere = seat(table.meeting.tables.get(number=2), "Dirk")
    url = reverse("table-run-turn", args=[run.table.pk, elsewhere.pk])

    assert fenna.post(url, {"spoken": "yes"}).status_code == 404


def test_a_card_from_the_plain_form_is_saved_and_the_page_comes_back(fenna, run):
    response = fenna.post(reverse("table-run-card", args=[run.table.pk]), card_data())

    assert response.status_code == 302
    assert response["Location"].endswith("#capture")
    card = Card.objects.get()
    assert card.source == Card.Source.FACILITATOR
    assert card.phase.position == 1
    html = fenna.get(reverse("table-run", args=[run.table.pk])).content.decode()
    assert f'data-client-id="{card.client_id}"' in html


def test_a_card_without_text_shows_the_error_next_to_the_field(fenna, run):
    response = fenna.post(reverse("table-run-card", args=[run.table.pk]), card_data(text=" "))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_text_error"' in html
    assert 'aria-invalid="true"' in html
    assert not Card.objects.exists()


def test_the_capture_script_gets_201_for_a_new_card_and_200_for_a_retry(fenna, run):
    url = reverse("table-run-card", args=[run.table.pk])
    data = card_data()

    first = fenna.post(url, data, **JSON)
    again = fenna.post(url, data, **JSON)

    assert first.status_code == 201
    assert first.json() == {"client_id": data["client_id"], "saved": True, "created": True}
    assert again.status_code == 200
    assert again.json()["created"] is False
    assert Card.objects.count() == 1


def test_the_capture_script_gets_400_with_the_errors_for_a_card_that_cannot_be_saved(fenna, run):
    data = card_data(text="", kind="gossip")
    response = fenna.post(reverse("table-run-card", args=[run.table.pk]), data, **JSON)

    assert response.status_code == 400
    answer = response.json()
    assert answer["client_id"] == data["client_id"]
    assert answer["saved"] is False
    assert set(answer["errors"]) == {"text", "kind"}


def test_a_card_queued_in_an_earlier_phase_keeps_that_phase(fenna, run, facilitator):
    first_phase = running.current_phase(run, running.phases_of(run))
    running.go_to_phase(run=run, direction="next", actor=facilitator.person.user)
    url = reverse("table-run-card", args=[run.table.pk])

    fenna.post(url, card_data(phase_id=str(first_phase.pk)), **JSON)
    fenna.post(url, card_data(), **JSON)

    phases = list(Card.objects.order_by("created_at").values_list("phase__position", flat=True))
    assert phases == [1, 2]


def test_a_phase_of_another_method_is_refused(fenna, run, organisation):
    from tests.builders import make_method

    stranger = make_method(organisation=organisation, name="Ander").phases.first()
    response = fenna.post(
        reverse("table-run-card", args=[run.table.pk]),
        card_data(phase_id=str(stranger.pk)),
        **JSON,
    )
    assert response.status_code == 400
    assert "phase_id" in response.json()["errors"]


def test_a_personal_action_is_linked_to_the_person_at_the_table(fenna, run, people):
    bram = people[1]
    url = reverse("table-run-card", args=[run.table.pk])

    fenna.post(url, card_data(kind="action", text="Ik bel mijn buren", person=str(bram.pk)))
    action = Card.objects.get()
    assert action.owner == bram.person
    assert action.first_name == "Bram"
    assert action.shared is False

    # Another kind of card carries the name of who said it, but belongs to nobody.
    response = fenna.post(url, card_data(kind="idea", person=str(bram.pk)), **JSON)
    assert response.status_code == 201
    idea = Card.objects.get(kind="idea")
    assert idea.first_name == "Bram"
    assert idea.owner is None


def test_the_kinds_of_the_current_phase_come_first_and_all_kinds_are_there(fenna, run, facilitator):
    running.go_to_phase(run=run, direction="next", actor=facilitator.person.user)
    html = fenna.get(reverse("table-run", args=[run.table.pk])).content.decode()
    start = html.index('id="id_kind_field"')
    fieldset = html[start : html.index("</fieldset>", start)]

    values = re.findall(r'type="radio" name="kind" value="([a-z]+)"', fieldset)
    assert values[:2] == ["value", "quote"]
    assert len(values) == 10
    # The others are folded away, and the first kind of this phase is chosen.
    assert fieldset.index("<details") > fieldset.index('value="quote"')
    assert re.search(r'value="value"[^>]*checked', fieldset)


def test_participants_cards_wait_in_a_list_and_are_not_among_the_cards(fenna, run):
    pending = capture.add_card(
        table=run.table,
        client_id=uuid.uuid4(),
        kind="dream",
        text="Een buurtfeest elk jaar",
        phase=None,
        source=Card.Source.PARTICIPANT,
    )
    html = fenna.get(reverse("table-run", args=[run.table.pk])).content.decode()

    assert f'id="pending-{pending.pk}"' in html
    recent = html[html.index('id="recent"') :]
    assert str(pending.client_id) not in recent

    response = fenna.post(
        reverse("table-run-review", args=[run.table.pk, pending.pk]), {"decision": "approve"}
    )
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == Card.Status.APPROVED
    html = fenna.get(reverse("table-run", args=[run.table.pk])).content.decode()
    assert f'id="pending-{pending.pk}"' not in html
    assert str(pending.client_id) in html[html.index('id="recent"') :]


def test_a_rejected_participants_card_leaves_the_list(fenna, run):
    pending = capture.add_card(
        table=run.table,
        client_id=uuid.uuid4(),
        kind="idea",
        text="Iets onaardigs",
        phase=None,
        source=Card.Source.PARTICIPANT,
    )
    fenna.post(reverse("table-run-review", args=[run.table.pk, pending.pk]), {"decision": "reject"})

    pending.refresh_from_db()
    assert pending.status == Card.Status.REJECTED
    html = fenna.get(reverse("table-run", args=[run.table.pk])).content.decode()
    assert str(pending.client_id) not in html


def test_a_facilitators_card_cannot_be_reviewed_as_a_participants(fenna, run):
    card = capture.add_card(
        table=run.table, client_id=uuid.uuid4(), kind="idea", text="Van mij", phase=None
    )
    response = fenna.post(
        reverse("table-run-review", args=[run.table.pk, card.pk]), {"decision": "reject"}
    )
    assert response.status_code == 404


def photo_data(content, name="flap.png", content_type="image/png", **values):
    data = {
        "client_id": str(uuid.uuid4()),
        "image": SimpleUploadedFile(name, content, content_type=content_type),
        "caption": "Flip-over van ronde 2",
        "publication": "internal",
    }
    data.update(values)
    return data


def test_a_photo_of_a_flip_chart_is_uploaded_once(fenna, run):
    url = reverse("table-run-cards", args=[run.table.pk])
    data = photo_data(png_bytes())

    response = fenna.post(url, data)
    assert response.status_code == 302
    data["image"] = SimpleUploadedFile("flap.png", png_bytes(), content_type="image/png")
    fenna.post(url, data)

    photo = Photo.objects.get()
    assert photo.image.name.endswith(".png")
    html = fenna.get(url).content.decode()
    assert reverse("table-run-photo", args=[run.table.pk, photo.pk]) in html


def test_a_jpeg_named_png_is_stored_as_what_it_is(fenna, run):
    fenna.post(
        reverse("table-run-cards", args=[run.table.pk]),
        photo_data(png_bytes(format="JPEG"), name="flap.png"),
    )
    assert Photo.objects.get().image.name.endswith(".jpg")


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"not an image at all", "flap.png"),
        (png_bytes(format="GIF"), "flap.gif"),
    ],
)
def test_only_photos_are_accepted(fenna, run, content, name):
    response = fenna.post(
        reverse("table-run-cards", args=[run.table.pk]), photo_data(content, name=name)
    )
    assert response.status_code == 200
    assert 'id="id_image_error"' in response.content.decode()
    assert not Photo.objects.exists()


def test_a_photo_over_10_mb_is_refused(fenna, run):
    big = png_bytes() + b"\0" * (10 * 1024 * 1024)
    response = fenna.post(reverse("table-run-cards", args=[run.table.pk]), photo_data(big))

    assert response.status_code == 200
    assert 'id="id_image_error"' in response.content.decode()
    assert not Photo.objects.exists()


def test_closing_saves_the_note_and_shows_the_evaluation_code(fenna, run):
    url = reverse("table-run-close", args=[run.table.pk])
    html = fenna.get(url).content.decode()
    assert 'src="data:image/svg+xml' in html
    assert reverse("participant-evaluation", args=[run.participant_token]) in html

    response = fenna.post(url, {"closing_note": "Mooi gesprek over de speeltuin."})
    assert response.status_code == 302
    run.refresh_from_db()
    assert run.closed_at is not None
    assert run.closing_note == "Mooi gesprek over de speeltuin."
    html = fenna.get(reverse("table-run", args=[run.table.pk])).content.decode()
    assert 'id="run-closed"' in html
    assert 'id="next-phase"' not in html

    fenna.post(reverse("table-run-reopen", args=[run.table.pk]))
    run.refresh_from_db()
    assert run.closed_at is None


def test_pages_of_a_table_that_has_not_started_are_not_found(fenna, table):
    for name in ("table-run-cards", "table-run-close"):
        assert fenna.get(reverse(name, args=[table.pk])).status_code == 404


def test_a_card_sent_before_the_start_is_still_kept(fenna, table):
    response = fenna.post(reverse("table-run-card", args=[table.pk]), card_data(), **JSON)

    assert response.status_code == 201
    assert Card.objects.get().table == table
    assert TableRun.objects.get().started_at is None


def test_a_method_emptied_after_the_start_shows_a_message_not_an_error(fenna, run):
    run.method.phases.all().delete()

    response = fenna.get(reverse("table-run", args=[run.table.pk]))

    assert response.status_code == 200
    assert 'id="method-problem"' in response.content.decode()
