"""Reminders of a party's commitment: once before its date, once when overdue (time machine)."""

import datetime

import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tests.followup.agreement_builders import make_agreement
from wijkdialoog.followup import agreement_reminders
from wijkdialoog.followup.models import AgreementParty

DAY = datetime.timedelta(days=1)


def test_before_and_overdue_reminders_go_exactly_once(neighbourhood, organiser, partner):
    agreement, gemeente, resident = make_agreement(neighbourhood, organiser, due_in_days=10)
    start = timezone.now()
    mail.outbox.clear()
    with time_machine.travel(start, tick=False):
        assert agreement_reminders.send_due_reminders() == 0
    with time_machine.travel(start + 4 * DAY, tick=False):
        call_command("send_agreement_reminders")
        call_command("send_agreement_reminders")
    to = sorted(m.to[0] for m in mail.outbox)
    assert to == ["pieter@example.org", "rita@example.org"]
    resident_mail = next(m for m in mail.outbox if m.to == ["rita@example.org"])
    assert "/afspraak/" in resident_mail.body
    mail.outbox.clear()
    AgreementParty.objects.filter(pk=resident.pk).update(status="klaar")
    with time_machine.travel(start + 12 * DAY, tick=False):
        assert agreement_reminders.send_due_reminders() == 1
        assert agreement_reminders.send_due_reminders() == 0
    assert [m.to for m in mail.outbox] == [["pieter@example.org"]]
    assert "is voorbij" in mail.outbox[0].subject
    with time_machine.travel(start + 30 * DAY, tick=False):
        assert agreement_reminders.send_due_reminders() == 0
    assert len(mail.outbox) == 1


def test_a_declined_part_gets_no_reminder(neighbourhood, organiser, partner):
    _agreement, gemeente, resident = make_agreement(neighbourhood, organiser, due_in_days=2)
    AgreementParty.objects.filter(pk__in=[gemeente.pk, resident.pk]).update(response="declined")
    mail.outbox.clear()
    with time_machine.travel(timezone.now() + DAY, tick=False):
        assert agreement_reminders.send_due_reminders() == 0
    assert mail.outbox == []
