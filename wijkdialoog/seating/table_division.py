"""Dividing the people of a meeting over its tables: the thin layer between the models and the
algorithm in `table_division_algorithm` (plain Python, tested on plain data)."""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy

from wijkdialoog.community.models import User
from wijkdialoog.core import audit
from wijkdialoog.core.models import describe_action
from wijkdialoog.dialogues.models import Meeting, Table
from wijkdialoog.registrations.models import Registration
from wijkdialoog.registrations.waiting_list import lock_meeting

from .table_division_algorithm import Attendee, TableSpec, divide
from .table_languages import spoken_languages

describe_action("meeting.divided_over_tables", gettext_lazy("Divided over tables"))

Status = Registration.Status
# Who seats people: the signed-in organiser (None or anonymous only in a management command).
Actor = User | AnonymousUser | None


def attendee_for(registration: Registration) -> Attendee:
    return Attendee(
        key=registration.pk,
        party=registration.party_key,
        age_group=registration.age_group,
        relation=registration.relation,
        first_time=registration.first_time,
        languages=spoken_languages(registration.languages),
        access_needs=bool(registration.access_needs.strip()),
        locked_table=registration.table_id if registration.table_locked else None,
    )


def table_spec(table: Table) -> TableSpec:
    return TableSpec(key=table.pk, seats=table.seats, language=table.language)


def seated_registrations(meeting: Meeting) -> QuerySet[Registration]:
    """The confirmed people of a meeting in registration order: who is seated first."""
    return meeting.registrations.filter(status=Status.CONFIRMED).order_by("created_at", "pk")


@dataclass(frozen=True)
class DivisionResult:
    placed: int
    moved: int
    kept: int
    unplaced: list[Registration]
    score: int


@transaction.atomic
def divide_over_tables(*, meeting: Meeting, actor: Actor) -> DivisionResult:
    """Seat the confirmed people of a meeting at its tables, well mixed; people placed by hand
    stay where they are. Who does not fit gets no table and is reported."""
    meeting = lock_meeting(meeting)
    tables = list(meeting.tables.order_by("number"))
    registrations = list(seated_registrations(meeting).select_related("person"))
    division = divide(
        [attendee_for(r) for r in registrations], [table_spec(t) for t in tables], seed=meeting.pk
    )
    changed = []
    for registration in registrations:
        table_id = division.assignment.get(registration.pk)
        if registration.table_id != table_id:
            registration.table_id = table_id
            changed.append(registration)
    Registration.objects.bulk_update(changed, ["table"])
    unplaced = [r for r in registrations if division.assignment.get(r.pk) is None]
    result = DivisionResult(
        placed=len(registrations) - len(unplaced),
        moved=len(changed),
        kept=sum(1 for r in registrations if r.table_locked and r.table_id),
        unplaced=unplaced,
        score=division.score,
    )
    audit.record(
        actor=actor,
        action="meeting.divided_over_tables",
        subject=meeting,
        payload={
            "tables": len(tables),
            "placed": result.placed,
            "moved": result.moved,
            "kept_by_hand": result.kept,
            "unplaced": len(unplaced),
            "score": result.score,
        },
    )
    return result
