"""The weekly kerngroep digest: one mail per member per week with what is overdue or due in the
next seven days, only when there is something, never after leaving or opting out."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from tests.followup.kerngroep_builders import make_kerngroep
from wijkdialoog.followup import kerngroep, kerngroep_digest
from wijkdialoog.followup.models import KerngroepMember, KerngroepTask
from wijkdialoog.outreach.models import EmailOptOut

# A Wednesday.
NOW = datetime.datetime(2027, 3, 10, 8, 0, tzinfo=datetime.UTC)


@pytest.fixture
def group(neighbourhood):
    with time_machine.travel(NOW, tick=False):
        series, members = make_kerngroep(neighbourhood)
    mail.outbox.clear()
    return series, members


def digests():
    return {m.to[0]: m for m in mail.outbox}


def test_each_member_gets_one_mail_a_week_in_their_language(group):
    with time_machine.travel(NOW, tick=False):
        call_command("send_kerngroep_digests")
        call_command("send_kerngroep_digests")
    sent = digests()
    assert len(mail.outbox) == 2 and set(sent) == {"anna@example.org", "ben@example.org"}
    assert "Flyers rondbrengen" in sent["anna@example.org"].body
    assert "Te laat:" in sent["anna@example.org"].body
    assert "Zaal reserveren" in sent["anna@example.org"].body
    assert "Koffie regelen" not in sent["anna@example.org"].body
    assert sent["ben@example.org"].subject == "Kerngroep Samen in de Kersenbuurt: tasks this week"
    assert "/kerngroep/" not in sent["ben@example.org"].body  # the link is never mailed again

    mail.outbox.clear()
    with time_machine.travel(NOW + datetime.timedelta(days=4), tick=False):  # Sunday, same week
        assert kerngroep_digest.send_due_digests() == 0
    with time_machine.travel(NOW + datetime.timedelta(days=5), tick=False):  # the next Monday
        assert kerngroep_digest.send_due_digests() == 2


def test_no_mail_when_nothing_is_due(group):
    series, _members = group
    KerngroepTask.objects.filter(series=series).update(
        due_on=NOW.date() + datetime.timedelta(days=30)
    )
    with time_machine.travel(NOW, tick=False):
        assert kerngroep_digest.send_due_digests() == 0
    assert mail.outbox == []


def test_never_after_leaving_or_opting_out(group):
    series, members = group
    with time_machine.travel(NOW, tick=False):
        kerngroep.remove_member(member=members["anna"], changer=kerngroep.Changer())
    KerngroepMember.objects.filter(pk=members["ben"].pk).update(wants_digest=False)
    with time_machine.travel(NOW, tick=False):
        assert kerngroep_digest.send_due_digests() == 0
    KerngroepMember.objects.filter(pk=members["ben"].pk).update(wants_digest=True)
    EmailOptOut.objects.create(organisation=series.organisation, email="BEN@example.org")
    with time_machine.travel(NOW, tick=False):
        assert kerngroep_digest.send_due_digests() == 0
    assert mail.outbox == []


def test_the_week_is_claimed_once(group):
    _series, members = group
    with time_machine.travel(NOW, tick=False):
        assert kerngroep_digest.send_digest(members["anna"].pk)
        assert not kerngroep_digest.send_digest(members["anna"].pk)
    stored = KerngroepMember.objects.get(pk=members["anna"].pk)
    assert stored.digest_week == datetime.date(2027, 3, 8)
    assert len(mail.outbox) == 1
