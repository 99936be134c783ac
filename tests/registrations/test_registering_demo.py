"""The demo's registrations: a full meeting with a waiting list, several channels and sources,
people who come along, and history for the past meetings."""

from django.core import mail

from wijkdialoog.dialogues.availability import places_left
from wijkdialoog.registrations.models import Registration
from wijkdialoog.registrations.waiting_list import waiting_parties
from wijkdialoog.site.management.commands.demo import load_demo

Status = Registration.Status


def test_the_demo_has_a_full_meeting_with_a_short_waiting_list(db):
    meetings = load_demo()["meetings"]

    full = meetings["kersenbuurt_next"]
    assert places_left(full) == 0
    waiting = full.registrations.filter(status=Status.WAITING)
    assert 2 <= waiting.count() <= 3
    assert [p.lead.person.first_name for p in waiting_parties(full)] == ["Ruud", "Yasmina"]
    assert full.registrations.filter(status=Status.CANCELLED).count() == 1
    assert full.registrations.filter(party_lead__isnull=False).count() >= 4
    assert places_left(meetings["rietveld_next"]) > 0
    assert not meetings["kersenbuurt_later"].registrations.exists()


def test_the_demo_registrations_come_through_several_channels_and_ways(db):
    meetings = load_demo()["meetings"]

    registrations = meetings["kersenbuurt_next"].registrations.filter(party_lead__isnull=True)
    assert registrations.exclude(channel=None).values("channel__kind").distinct().count() >= 5
    assert set(registrations.values_list("source", flat=True)) >= {"online", "phone", "paper"}
    assert registrations.filter(source="phone", registered_by__isnull=False).exists()
    assert meetings["rietveld_next"].registrations.filter(source="phone").exists()


def test_the_past_meetings_have_the_registrations_they_had(db):
    meetings = load_demo()["meetings"]

    for key in ["kersenbuurt_past_1", "kersenbuurt_past_2"]:
        meeting = meetings[key]
        # People who walked in at the door come from the check-in demo.
        registrations = meeting.registrations.exclude(source=Registration.Source.WALK_IN)
        assert registrations.filter(status=Status.CONFIRMED).count() >= 10
        assert all(r.consent_at < meeting.starts_at for r in registrations)
        assert all(r.created_at < meeting.starts_at for r in registrations)


def test_loading_the_demo_sends_no_mail(db):
    load_demo()

    assert mail.outbox == []
