"""The personal link page, the answers, "I would like help", and what organisers see."""

import re

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.builders import make_person
from tests.conftest import PERSONAS, expect_denied
from tests.followup.builders import WEEK, make_action, past_meeting_with_actions
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.followup.models import FollowUp, StepAnswer
from wijkdialoog.followup.tasks import send_due_follow_ups


@pytest.fixture
def asked(neighbourhood):
    """Four weeks and a day after the meeting: Anna and Ben were mailed; Anna's link."""
    meeting, people = past_meeting_with_actions(neighbourhood)
    traveller = time_machine.travel(meeting.ends_at + 4 * WEEK, tick=False)
    traveller.start()
    send_due_follow_ups.call()
    message = next(m for m in mail.outbox if m.to == ["anna@example.org"])
    url = re.search(r"http://testserver(/opvolging/[^/\s]+/)", message.body).group(1)
    mail.outbox.clear()
    yield meeting, people, url
    traveller.stop()


def fields(meeting, person, *answers):
    cards = meeting.cards.filter(owner=person).order_by("created_at", "pk")
    data = {}
    for card, (status, note) in zip(cards, answers, strict=True):
        data[f"step-{card.pk}-status"] = status
        data[f"step-{card.pk}-note"] = note
    return data


def test_the_page_shows_only_the_persons_own_actions(asked):
    _meeting, _people, url = asked
    page = Client().get(url).content.decode()
    assert "Ik ga mijn buren groeten." in page
    assert "Ik help bij de moestuin." in page
    assert "I will join the clean-up." not in page
    assert "Ik bel de wijkagent." not in page
    assert "noindex" in page


def test_a_forged_or_expired_link_shows_a_clear_page_without_data(asked):
    meeting, _people, url = asked
    forged = Client().get("/opvolging/niet-echt-maar-lang-genoeg-om-te-proberen/")
    assert forged.status_code == 404
    assert "Anna" not in forged.content.decode()
    with time_machine.travel(meeting.ends_at + 13 * WEEK, tick=False):
        expired = Client().get(url)
    assert expired.status_code == 404
    assert "groeten" not in expired.content.decode()


def test_a_revoked_link_no_longer_works(asked):
    _meeting, people, url = asked
    FollowUp.objects.filter(person=people["anna"]).update(
        revoked_at=FollowUp.objects.first().mailed_at
    )
    assert Client().get(url).status_code == 404


def test_answers_are_saved_changed_and_audited_without_content(asked):
    meeting, people, url = asked
    client = Client()
    response = client.post(
        url, fields(meeting, people["anna"], ("done", "Gezellig!"), ("busy", ""))
    )
    assert response.status_code == 302
    assert sorted(StepAnswer.objects.values_list("status", flat=True)) == ["busy", "done"]
    client.post(url, fields(meeting, people["anna"], ("not-done", ""), ("busy", "")))
    assert sorted(StepAnswer.objects.values_list("status", flat=True)) == ["busy", "not-done"]
    entries = AuditEntry.objects.filter(action="followup.answered")
    assert entries.count() == 2
    assert "Gezellig" not in str(list(entries.values("payload", "object_repr")))
    assert mail.outbox == []


def test_a_line_without_a_choice_keeps_what_was_typed_and_changes_nothing(asked):
    meeting, people, url = asked
    response = Client().post(url, fields(meeting, people["anna"], ("", "Mijn zin"), ("", "")))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Mijn zin" in page
    assert "Kies hoe het ging" in page
    assert not StepAnswer.objects.exists()


def test_another_persons_card_cannot_be_answered(asked):
    meeting, people, url = asked
    ben_card = meeting.cards.get(owner=people["ben"])
    Client().post(url, {f"step-{ben_card.pk}-status": "done"})
    assert not StepAnswer.objects.filter(card=ben_card).exists()


def test_wanting_help_mails_the_organisers_with_first_name_and_contact(
    asked, organiser, django_capture_on_commit_callbacks
):
    meeting, people, url = asked
    data = fields(meeting, people["anna"], ("wants-help", "Wie helpt?"), ("done", ""))
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(url, data)
    assert [m.to for m in mail.outbox] == [["olga@example.org"]]
    message = mail.outbox[0]
    assert "Anna" in message.subject
    assert "06 1234 5678" in message.body and "anna@example.org" in message.body
    assert "Wie helpt?" in message.body
    # Saving again does not mail again.
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(url, data)
    assert len(mail.outbox) == 1


def test_organisers_see_counts_and_who_wants_help_but_no_other_answer(asked, client_for):
    meeting, people, url = asked
    Client().post(url, fields(meeting, people["anna"], ("wants-help", ""), ("done", "Geheim")))
    page = client_for("organiser").get(reverse("meeting-manage", args=[meeting.pk]))
    html = page.content.decode()
    counts = dict(re.findall(r'<dd data-count="([a-z-]+)">(\d+)</dd>', html))
    assert counts == {
        "actions": "4",
        "done": "1",
        "busy": "0",
        "not-done": "0",
        "wants-help": "1",
        "no-answer": "1",
        "not-asked": "1",
    }
    assert "Ik ga mijn buren groeten." in html  # the step Anna wants help with
    assert "Ik help bij de moestuin." not in html and "Geheim" not in html
    series_page = client_for("organiser").get(reverse("series-detail", args=[meeting.series_id]))
    assert 'data-count="wants-help">1<' in series_page.content.decode()


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_organiser_marks_a_request_for_help_as_handled(asked, user_for, persona):
    meeting, people, url = asked
    Client().post(url, fields(meeting, people["anna"], ("wants-help", ""), ("done", "")))
    answer = StepAnswer.objects.get(status="wants-help")
    client = Client()
    if persona != "anonymous":
        client.force_login(user_for(persona))
    response = client.post(reverse("follow-up-help-handled", args=[answer.pk]), {"handled": "yes"})
    answer.refresh_from_db()
    if persona == "organiser":
        assert response.status_code == 302
        assert answer.help_handled_at is not None
        assert AuditEntry.objects.filter(action="followup.help_handled").count() == 1
    else:
        expect_denied(response, persona)
        assert answer.help_handled_at is None


def test_the_panel_takes_the_same_number_of_queries_with_more_people(asked, client_for):
    meeting, people, url = asked
    client = client_for("organiser")
    address = reverse("meeting-manage", args=[meeting.pk])
    client.get(address)
    with CaptureQueriesContext(connection) as few:
        client.get(address)
    for number in range(5):
        person = make_person(meeting.organisation, f"Extra{number}", email=f"x{number}@example.org")
        make_action(meeting, person)
        follow_up = FollowUp.objects.create(
            meeting=meeting, person=person, mailed_at=meeting.ends_at
        )
        StepAnswer.objects.create(
            follow_up=follow_up, card=meeting.cards.get(owner=person), status="wants-help"
        )
    with CaptureQueriesContext(connection) as many:
        client.get(address)
    assert len(many) == len(few)
