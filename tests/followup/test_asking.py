"""The follow-up mail: sent at the right moment, once, in the person's language, never to people
without email or who opted out."""

import io
import re

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from tests.followup.builders import WEEK, past_meeting_with_actions
from wijkdialoog.followup import asking
from wijkdialoog.followup.models import FollowUp
from wijkdialoog.followup.tasks import send_due_follow_ups
from wijkdialoog.outreach.models import EmailOptOut


@pytest.fixture
def meeting_and_people(neighbourhood):
    return past_meeting_with_actions(neighbourhood)


def link_in(message) -> str:
    return re.search(r"http://testserver(/opvolging/[^/\s]+/)", message.body).group(1)


def test_nothing_is_sent_before_four_weeks_after_the_meeting(meeting_and_people):
    meeting, _people = meeting_and_people
    with time_machine.travel(meeting.ends_at + 4 * WEEK - WEEK / 7, tick=False):
        assert send_due_follow_ups.call() == 0
    assert mail.outbox == []
    assert not FollowUp.objects.exists()


def test_each_person_with_an_email_gets_one_mail_once_however_often_the_sweep_runs(
    meeting_and_people,
):
    meeting, people = meeting_and_people
    with time_machine.travel(meeting.ends_at + 4 * WEEK, tick=False):
        assert send_due_follow_ups.call() == 2
        assert send_due_follow_ups.call() == 0
        call_command("send_follow_ups", stdout=io.StringIO())
    assert sorted(m.to[0] for m in mail.outbox) == ["anna@example.org", "ben@example.org"]
    anna = next(m for m in mail.outbox if m.to == ["anna@example.org"])
    assert "Ik ga mijn buren groeten." in anna.body
    assert "Ik help bij de moestuin." in anna.body
    assert "I will join the clean-up." not in anna.body


def test_the_mail_is_in_the_persons_language(meeting_and_people):
    meeting, _people = meeting_and_people
    with time_machine.travel(meeting.ends_at + 4 * WEEK, tick=False):
        send_due_follow_ups.call()
    anna = next(m for m in mail.outbox if m.to == ["anna@example.org"])
    ben = next(m for m in mail.outbox if m.to == ["ben@example.org"])
    assert anna.subject == "Hoe ging het met je stap?"
    assert ben.subject == "How did your step go?"
    assert "Beste Anna" in anna.body or "Anna" in anna.body
    assert "only see numbers" in ben.body


def test_people_without_email_or_who_opted_out_are_not_asked(meeting_and_people):
    meeting, people = meeting_and_people
    EmailOptOut.objects.create(organisation=meeting.organisation, email="BEN@example.org")
    with time_machine.travel(meeting.ends_at + 4 * WEEK, tick=False):
        assert send_due_follow_ups.call() == 1
    assert [m.to for m in mail.outbox] == [["anna@example.org"]]
    reasons = dict(FollowUp.objects.values_list("person__first_name", "not_asked"))
    assert reasons == {"Anna": "", "Ben": "opted-out", "Cor": "no-email"}


def test_no_mail_about_a_meeting_long_past_or_cancelled(neighbourhood):
    meeting, _people = past_meeting_with_actions(neighbourhood, days=-70)
    with time_machine.travel(meeting.ends_at + 4 * WEEK + 5 * WEEK, tick=False):
        assert send_due_follow_ups.call() == 0
    assert mail.outbox == []


def test_the_link_is_stored_only_as_a_hash(meeting_and_people):
    meeting, _people = meeting_and_people
    with time_machine.travel(meeting.ends_at + 4 * WEEK, tick=False):
        send_due_follow_ups.call()
    token = link_in(mail.outbox[0]).split("/")[2]
    follow_up = FollowUp.objects.get(token_hash=asking.hash_token(token))
    assert token not in follow_up.token_hash


def test_a_failed_mail_can_be_sent_again_later(meeting_and_people, settings):
    meeting, _people = meeting_and_people
    settings.MAILERS = {"default": {"BACKEND": "tests.registrations.failing_mail.Backend"}}
    with time_machine.travel(meeting.ends_at + 4 * WEEK, tick=False):
        assert send_due_follow_ups.call() == 0
        assert not FollowUp.objects.filter(mailed_at__isnull=False).exists()
        settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
        assert send_due_follow_ups.call() == 2
