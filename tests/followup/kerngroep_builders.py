"""A series with a kerngroep: Anna (by link, Dutch), Ben (by link, English), the facilitator
Fenna (by login), and tasks of which one is overdue and one done."""

import datetime
import re

from django.core import mail
from django.test import TestCase
from django.utils import timezone

from tests.builders import make_person, make_series
from wijkdialoog.followup import kerngroep
from wijkdialoog.followup.models import KerngroepMember, KerngroepTask

LINK = re.compile(r"https?://[^/\s]+(/kerngroep/[^/\s]+/)")


def link_in_mail_to(address: str) -> str:
    message = next(m for m in reversed(mail.outbox) if m.to == [address])
    return LINK.search(str(message.body)).group(1)


def add(series, person, roles, organiser=None) -> KerngroepMember:
    """Added as by the organiser; the welcome mail goes out (as after a commit)."""
    changer = kerngroep.Changer(user=organiser.person.user if organiser else None)
    with TestCase.captureOnCommitCallbacks(execute=True):
        return kerngroep.add_member(series=series, roles=roles, changer=changer, person=person)


def make_kerngroep(neighbourhood, facilitator=None, *, tasks=True):
    series = make_series(neighbourhood, theme="Samen in de Kersenbuurt")
    organisation = neighbourhood.organisation
    anna = make_person(organisation, "Anna", email="anna@example.org", last_name="Achterberg")
    ben = make_person(organisation, "Ben", email="ben@example.org", language="en")
    members = {
        "anna": add(series, anna, ["programmering", "werving"]),
        "ben": add(series, ben, ["evaluatie"]),
    }
    if facilitator is not None:
        members["fenna"] = add(series, facilitator.person, ["begeleiding"])
    if tasks:
        today = timezone.localdate()
        KerngroepTask.objects.create(
            series=series,
            text="Flyers rondbrengen",
            owner=members["anna"],
            created_by=members["anna"],
            due_on=today - datetime.timedelta(days=2),
        )
        KerngroepTask.objects.create(
            series=series, text="Zaal reserveren", owner=members["ben"], due_on=today
        )
        KerngroepTask.objects.create(
            series=series,
            text="Koffie regelen",
            owner=members["ben"],
            done_at=timezone.now(),
            done_by=members["ben"],
        )
    return series, members
