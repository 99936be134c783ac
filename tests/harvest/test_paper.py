"""Typing in cards from paper: saving, sticky choices, errors next to the field, undo, and who
may do it."""

import re
import uuid

import pytest
from django.urls import reverse

from tests.builders import make_card, make_harvest_meeting, make_method, phase
from tests.conftest import PERSONAS
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.harvest.models import Card
from wijkdialoog.methods.selection import default_builtin_method

Publication = Card.Publication


@pytest.fixture
def meeting(neighbourhood):
    return make_harvest_meeting(neighbourhood, tables=3)


@pytest.fixture
def organiser_client(client, organiser):
    client.force_login(organiser.person.user)
    return client


def entry_url(meeting):
    return reverse("paper-entry", args=[meeting.pk])


def card_data(meeting, **changes):
    data = {
        "client_id": str(uuid.uuid4()),
        "table": meeting.tables.get(number=2).pk,
        "phase": phase(meeting, 3).pk,
        "kind": "dream",
        "publication": Publication.PUBLIC,
        "text": "Een moestuin bij de school",
        "first_name": "Fatma",
    }
    data.update(changes)
    return data


def selected(html: str, name: str) -> str | None:
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S)
    assert select, name
    option = re.search(r'<option value="([^"]*)"[^>]*selected', select.group(0))
    return option.group(1) if option else None


def phase_options(html: str) -> list[str]:
    select = re.search(r'<select name="phase".*?</select>', html, re.S).group(0)
    return re.findall(r'<option value="(\d+)"', select)


def field_tag(html: str, name: str) -> str:
    return re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group(0)


def test_an_organiser_types_in_a_card_from_paper(organiser_client, organiser, meeting):
    data = card_data(meeting)
    response = organiser_client.post(entry_url(meeting), data)

    assert response.status_code == 302
    card = Card.objects.get()
    assert str(card.client_id) == data["client_id"]
    assert card.meeting == meeting
    assert card.table.number == 2
    assert card.phase == phase(meeting, 3)
    assert card.phase_name == "Dromen"
    assert card.kind == "dream"
    assert card.text == "Een moestuin bij de school"
    assert card.first_name == "Fatma"
    assert card.publication == Publication.PUBLIC
    assert card.source == Card.Source.PAPER
    assert card.status == Card.Status.APPROVED
    assert card.created_by == organiser.person.user
    assert AuditEntry.objects.filter(action="card.added", object_id=str(card.pk)).exists()


def test_the_choices_stay_for_the_next_card_and_the_keyboard_goes_back_to_the_text(
    organiser_client, meeting
):
    data = card_data(meeting, publication=Publication.ANONYMOUS, kind="idea")
    response = organiser_client.post(entry_url(meeting), data)
    next_page = organiser_client.get(response.url)
    html = next_page.content.decode()

    assert response.url.startswith(entry_url(meeting) + "?")
    assert selected(html, "table") == str(data["table"])
    assert selected(html, "phase") == str(data["phase"])
    assert selected(html, "kind") == "idea"
    assert selected(html, "publication") == Publication.ANONYMOUS
    text = field_tag(html, "text")
    assert "autofocus" in text
    assert 'value="' not in text
    assert 'value="' not in field_tag(html, "first_name")
    # A fresh device id for the next card.
    assert data["client_id"] not in html


def test_sending_the_same_form_twice_makes_one_card(organiser_client, meeting):
    data = card_data(meeting)
    organiser_client.post(entry_url(meeting), data)
    organiser_client.post(entry_url(meeting), data)
    assert Card.objects.count() == 1


def test_an_empty_text_is_refused_next_to_the_field_with_the_values_kept(organiser_client, meeting):
    data = card_data(meeting, text="   ", kind="need")
    response = organiser_client.post(entry_url(meeting), data)
    html = response.content.decode()

    assert response.status_code == 200
    assert not Card.objects.exists()
    assert 'id="id_text_error"' in html
    assert 'aria-invalid="true"' in field_tag(html, "text")
    assert "autofocus" in field_tag(html, "text")
    assert selected(html, "kind") == "need"
    assert selected(html, "table") == str(data["table"])
    assert 'value="Fatma"' in field_tag(html, "first_name")
    assert data["client_id"] in html


def test_a_table_of_another_meeting_is_refused_next_to_the_field(
    organiser_client, meeting, neighbourhood
):
    other = make_harvest_meeting(neighbourhood, tables=1)
    data = card_data(meeting, table=other.tables.get().pk)
    response = organiser_client.post(entry_url(meeting), data)
    html = response.content.decode()

    assert response.status_code == 200
    assert not Card.objects.exists()
    assert 'id="id_table_error"' in html
    assert "autofocus" in re.search(r'<select name="table"[^>]*>', html).group(0)
    assert "autofocus" not in field_tag(html, "text")
    assert 'value="Een moestuin bij de school"' in field_tag(html, "text")
    assert selected(html, "phase") == str(data["phase"])


def test_a_phase_of_another_method_is_refused(organiser_client, meeting, organisation):
    other_method = make_method(organisation)
    data = card_data(meeting, phase=other_method.phases.get(position=1).pk)
    response = organiser_client.post(entry_url(meeting), data)
    assert response.status_code == 200
    assert 'id="id_phase_error"' in response.content.decode()
    assert not Card.objects.exists()


def test_a_device_id_of_another_meetings_card_is_refused(organiser_client, meeting, neighbourhood):
    other = make_harvest_meeting(neighbourhood, tables=1)
    taken = make_card(other, "Van een andere bijeenkomst")
    response = organiser_client.post(
        entry_url(meeting), card_data(meeting, client_id=str(taken.client_id))
    )
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert Card.objects.count() == 1
    taken.refresh_from_db()
    assert taken.meeting == other


def test_the_phases_come_from_the_meetings_method(organiser_client, meeting):
    html = organiser_client.get(entry_url(meeting)).content.decode()
    assert phase_options(html) == [str(p.pk) for p in meeting.method.phases.order_by("position")]


def test_without_a_method_the_shipped_waarderende_dialoog_gives_the_phases(
    organiser_client, meeting
):
    meeting.method = None
    meeting.save()
    html = organiser_client.get(entry_url(meeting)).content.decode()
    default = default_builtin_method()
    assert default is not None
    assert phase_options(html) == [str(p.pk) for p in default.phases.order_by("position")]


def test_a_meeting_without_tables_asks_for_tables_first(organiser_client, meeting):
    meeting.tables.all().delete()
    html = organiser_client.get(entry_url(meeting)).content.decode()
    assert 'id="no-tables"' in html
    assert 'id="paper-form"' not in html


def test_the_last_ten_paper_cards_are_listed_newest_first(
    organiser_client, meeting, django_assert_max_num_queries
):
    facilitator_card = make_card(meeting, "Van de begeleider", phase=phase(meeting, 2))
    cards = [
        make_card(meeting, f"Kaart {i}", phase=phase(meeting, 2), source=Card.Source.PAPER)
        for i in range(12)
    ]
    with django_assert_max_num_queries(12):
        html = organiser_client.get(entry_url(meeting)).content.decode()
    listed = [int(pk) for pk in re.findall(r'<tr id="recent-(\d+)"', html)]
    assert listed == [c.pk for c in reversed(cards)][:10]
    assert facilitator_card.pk not in listed


def test_undo_removes_a_paper_card_and_keeps_the_choices(organiser_client, organiser, meeting):
    card = make_card(meeting, "Verkeerd getypt", phase=phase(meeting, 2), source=Card.Source.PAPER)
    sticky = f"table={card.table_id}&kind=idea"
    response = organiser_client.post(
        reverse("paper-card-delete", args=[meeting.pk, card.pk]) + "?" + sticky
    )
    assert response.status_code == 302
    assert response.url == entry_url(meeting) + "?" + sticky
    assert not Card.objects.filter(pk=card.pk).exists()
    entry = AuditEntry.objects.get(action="card.deleted")
    assert entry.object_id == str(card.pk)
    assert entry.actor == organiser.person.user
    assert "Verkeerd" not in str(entry.payload)


def test_undo_only_removes_paper_cards_of_this_meeting(organiser_client, meeting, neighbourhood):
    facilitator_card = make_card(meeting, "Van de begeleider", phase=phase(meeting, 2))
    other = make_harvest_meeting(neighbourhood, tables=1)
    elsewhere = make_card(other, "Elders", source=Card.Source.PAPER)
    for card in (facilitator_card, elsewhere):
        url = reverse("paper-card-delete", args=[meeting.pk, card.pk])
        assert organiser_client.post(url).status_code == 404
    assert Card.objects.count() == 2


def test_undo_needs_a_post(organiser_client, meeting):
    card = make_card(meeting, "Blijft", source=Card.Source.PAPER)
    url = reverse("paper-card-delete", args=[meeting.pk, card.pk])
    assert organiser_client.get(url).status_code == 405
    assert Card.objects.filter(pk=card.pk).exists()


def test_a_public_paper_card_shows_on_the_wall(organiser_client, client, meeting):
    organiser_client.post(entry_url(meeting), card_data(meeting))
    organiser_client.post(
        entry_url(meeting),
        card_data(meeting, text="Alleen voor ons", publication=Publication.INTERNAL),
    )
    html = client.get(reverse("harvest-wall", args=[meeting.pk])).content.decode()
    assert "Een moestuin bij de school" in html
    assert "Alleen voor ons" not in html


def test_the_meeting_page_links_to_paper_entry_and_the_wall(organiser_client, meeting):
    html = organiser_client.get(reverse("meeting-manage", args=[meeting.pk])).content.decode()
    assert f'id="paper-entry-link" href="{entry_url(meeting)}"' in html
    assert f'href="{reverse("harvest-wall", args=[meeting.pk])}"' in html


ALLOWED = {"organiser": 200}


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_organisers_of_the_meeting_type_in_paper_cards(client_for, meeting, persona):
    client = client_for(persona)
    card = make_card(meeting, "Bestaat al", source=Card.Source.PAPER)
    get = client.get(entry_url(meeting))
    post = client.post(entry_url(meeting), card_data(meeting))
    undo = client.post(reverse("paper-card-delete", args=[meeting.pk, card.pk]))
    if persona == "organiser":
        assert (get.status_code, post.status_code, undo.status_code) == (200, 302, 302)
        assert Card.objects.filter(source=Card.Source.PAPER).count() == 1
        return
    expected = 302 if persona == "anonymous" else 403
    assert (get.status_code, post.status_code, undo.status_code) == (expected,) * 3
    if persona == "anonymous":
        assert get.url.startswith(reverse("login"))
    assert list(Card.objects.values_list("pk", flat=True)) == [card.pk]
