"""The waiting list: who moves up when a place comes free, in which order, and who hears of it."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from tests.builders import make_meeting, sign_up
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.dialogues.availability import places_left
from wijkdialoog.dialogues.models import Table
from wijkdialoog.registrations import registering
from wijkdialoog.registrations.models import Registration
from wijkdialoog.registrations.waiting_list import (
    promote_from_waiting_list,
    waiting_parties,
    waiting_position,
)

Status = Registration.Status


@pytest.fixture
def meeting(neighbourhood):
    """A published meeting in ten days with one table of four seats."""
    return make_meeting(neighbourhood, seats=(4,))


def fill(meeting, names=("Anna", "Bert", "Cor", "Dirk")):
    return [sign_up(meeting, name) for name in names]


def queue(meeting, *parties):
    """Join the waiting list one after the other, a minute apart: (name, [companions])."""
    registrations = []
    start = timezone.now()
    for minutes, (name, companions) in enumerate(parties):
        with time_machine.travel(start + datetime.timedelta(minutes=minutes), tick=False):
            registrations.append(sign_up(meeting, name, companions=companions))
    return registrations


def test_it_promotes_the_first_waiting_person_when_someone_cancels(meeting):
    anna, *_ = fill(meeting)
    eva, fien = queue(meeting, ("Eva", []), ("Fien", []))
    mail.outbox.clear()

    registering.cancel(registration=anna)

    eva.refresh_from_db()
    fien.refresh_from_db()
    assert eva.status == Status.CONFIRMED
    assert eva.promoted_at is not None
    assert fien.status == Status.WAITING
    assert sorted(m.to[0] for m in mail.outbox) == ["anna@example.org", "eva@example.org"]
    entry = AuditEntry.objects.get(action="registration.promoted")
    assert entry.object_id == str(eva.pk)
    assert entry.actor_label == "system"


def test_the_waiting_list_is_in_the_order_people_joined_it(meeting):
    fill(meeting)
    eva, fien, gijs = queue(meeting, ("Eva", []), ("Fien", []), ("Gijs", []))

    assert [p.lead for p in waiting_parties(meeting)] == [eva, fien, gijs]
    assert [waiting_position(r) for r in (eva, fien, gijs)] == [1, 2, 3]


def test_a_party_moves_up_only_as_a_whole_and_keeps_its_place_when_it_does_not_fit(meeting):
    anna, *_ = fill(meeting)
    trio, solo = queue(meeting, ("Eva", ["Fien", "Gijs"]), ("Hans", []))

    registering.cancel(registration=anna)

    trio.refresh_from_db()
    solo.refresh_from_db()
    assert trio.status == Status.WAITING
    assert solo.status == Status.CONFIRMED
    assert waiting_position(trio) == 1


def test_companions_move_up_together_with_the_person_they_came_with(meeting):
    anna, bert, *_ = fill(meeting)
    (duo,) = queue(meeting, ("Eva", ["Fien"]))

    registering.cancel(registration=anna)
    duo.refresh_from_db()
    assert duo.status == Status.WAITING

    registering.cancel(registration=bert)

    assert set(meeting.registrations.filter(party_lead=duo).values_list("status", flat=True)) == {
        Status.CONFIRMED
    }
    duo.refresh_from_db()
    assert duo.status == Status.CONFIRMED
    assert places_left(meeting) == 0


def test_the_promotion_mail_goes_only_to_the_person_who_registered(meeting):
    anna, bert, *_ = fill(meeting)
    queue(meeting, ("Eva", ["Fien"]))
    registering.cancel(registration=anna)
    mail.outbox.clear()

    registering.cancel(registration=bert)

    assert sorted(m.to[0] for m in mail.outbox) == ["bert@example.org", "eva@example.org"]


def test_cancelling_from_the_waiting_list_moves_nobody_up(meeting):
    fill(meeting)
    eva, fien = queue(meeting, ("Eva", []), ("Fien", []))

    registering.cancel(registration=eva)

    fien.refresh_from_db()
    assert fien.status == Status.WAITING
    assert waiting_position(fien) == 1


def test_new_places_go_to_the_people_in_line_before_newcomers(meeting):
    fill(meeting)
    (eva,) = queue(meeting, ("Eva", []))
    Table.objects.create(meeting=meeting, number=2, seats=4)

    newcomer = sign_up(meeting, "Gijs")

    eva.refresh_from_db()
    assert eva.status == Status.CONFIRMED
    assert newcomer.status == Status.CONFIRMED
    assert places_left(meeting) == 2


def test_promote_fills_new_places_when_an_organiser_adds_a_table(meeting):
    fill(meeting)
    queue(meeting, ("Eva", ["Fien"]), ("Gijs", []), ("Hans", []))
    Table.objects.create(meeting=meeting, number=2, seats=4)

    promoted = promote_from_waiting_list(meeting=meeting)

    assert [r.person.first_name for r in promoted] == ["Eva", "Fien", "Gijs", "Hans"]
    assert places_left(meeting) == 0


def test_nobody_moves_up_once_the_meeting_has_started(meeting):
    anna, *_ = fill(meeting)
    (eva,) = queue(meeting, ("Eva", []))

    with time_machine.travel(meeting.starts_at + datetime.timedelta(minutes=5)):
        registering.cancel(registration=anna)

    eva.refresh_from_db()
    assert eva.status == Status.WAITING


def test_removing_a_companion_gives_the_place_to_the_next_in_line(meeting):
    anna = sign_up(meeting, "Anna", companions=["Bert"])
    fill(meeting, ("Cor", "Dirk"))
    (eva,) = queue(meeting, ("Eva", []))

    registering.change(registration=anna, companions=[])

    eva.refresh_from_db()
    assert eva.status == Status.CONFIRMED
