"""Seating by hand: moving someone (with their party) to a table, letting the algorithm place
them again, and the seating plan that the division page, check-in and table cards show."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wijkdialoog.core import audit
from wijkdialoog.dialogues.models import Meeting, Table
from wijkdialoog.registrations.models import Registration
from wijkdialoog.registrations.parties import group_into_parties, party_of
from wijkdialoog.registrations.waiting_list import lock_meeting

from .table_division import Actor, attendee_for, seated_registrations, table_spec
from .table_division_algorithm import language_mismatches, table_scores

Status = Registration.Status


class TableFull(ValidationError):
    pass


def _party(registration: Registration) -> list[Registration]:
    """The confirmed people registered together with this one (themselves included)."""
    return list(
        party_of(registration).select_for_update().filter(status=Status.CONFIRMED).order_by("pk")
    )


@transaction.atomic
def move_to_table(*, registration: Registration, table: Table, actor: Actor) -> list[Registration]:
    """Seat someone (and the people registered with them) at `table` by hand. Dividing again
    never moves them. Raises TableFull when the table has no room for the whole party."""
    lock_meeting(registration.meeting)
    if table.meeting_id != registration.meeting_id:
        raise ValidationError(_("This table belongs to another meeting."), code="other_meeting")
    party = _party(registration)
    if not any(member.pk == registration.pk for member in party):
        raise ValidationError(_("Only confirmed people can get a table."), code="not_confirmed")
    members = {member.pk for member in party}
    taken = (
        Registration.objects.filter(table=table, status=Status.CONFIRMED)
        .exclude(pk__in=members)
        .count()
    )
    if taken + len(party) > table.seats:
        raise TableFull(no_room_message(table, taken, len(party)), code="full")
    previous = {member.table_id for member in party}
    for member in party:
        member.table = table
        member.table_locked = True
    Registration.objects.bulk_update(party, ["table", "table_locked"])
    audit.record(
        actor=actor,
        action="registration.moved_to_table",
        subject=registration,
        payload={
            "from_tables": sorted(t for t in previous if t),
            "to_table": table.pk,
            "party_size": len(party),
        },
    )
    return party


def no_room_message(table: Table, taken: int, needed: int) -> str:
    """ "Table 2 is full. 1 seat is needed. Swap …" with the plural forms each language needs."""
    free = max(0, table.seats - taken)
    if free == 0:
        first = _("%(table)s is full.") % {"table": table}
    else:
        first = ngettext(
            "%(table)s has only %(free)d free seat.",
            "%(table)s has only %(free)d free seats.",
            free,
        ) % {"table": table, "free": free}
    second = ngettext("%(needed)d seat is needed.", "%(needed)d seats are needed.", needed) % {
        "needed": needed
    }
    return " ".join([first, second, _("Swap with someone at that table instead.")])


@transaction.atomic
def swap_seats(*, first: Registration, second: Registration, actor: Actor) -> None:
    """Swap two people between their tables, also when both tables are full. The people
    registered with each of them move along; when one table then has too few seats the swap is
    refused. Both end up placed by hand, so dividing again keeps them."""
    lock_meeting(first.meeting)
    if first.meeting_id != second.meeting_id:
        raise ValidationError(_("These people come to different meetings."), code="other_meeting")
    party_a, party_b = _party(first), _party(second)
    if not any(m.pk == first.pk for m in party_a) or not any(m.pk == second.pk for m in party_b):
        raise ValidationError(_("Only confirmed people can get a table."), code="not_confirmed")
    table_a = next(m.table for m in party_a if m.pk == first.pk)
    table_b = next(m.table for m in party_b if m.pk == second.pk)
    if table_a is None or table_b is None:
        raise ValidationError(
            _("Only people who have a table can swap. Use Move for someone without a table."),
            code="no_table",
        )
    if table_a == table_b or {m.pk for m in party_a} & {m.pk for m in party_b}:
        raise ValidationError(_("They already sit at the same table."), code="same_table")
    members = [m.pk for m in party_a + party_b]
    for table, incoming, lead in ((table_a, party_b, second), (table_b, party_a, first)):
        staying = Registration.objects.filter(table=table, status=Status.CONFIRMED).exclude(
            pk__in=members
        )
        if staying.count() + len(incoming) > table.seats:
            raise TableFull(_swap_refusal(table, lead, incoming, staying.count()), code="full")
    for member in party_a:
        member.table, member.table_locked = table_b, True
    for member in party_b:
        member.table, member.table_locked = table_a, True
    Registration.objects.bulk_update(party_a + party_b, ["table", "table_locked"])
    audit.record(
        actor=actor,
        action="registration.seats_swapped",
        subject=first,
        payload={
            "with_registration": second.pk,
            "tables": [table_a.pk, table_b.pk],
            "party_sizes": [len(party_a), len(party_b)],
        },
    )


def _swap_refusal(
    table: Table, lead: Registration, incoming: list[Registration], staying: int
) -> str:
    others = len(incoming) - 1
    over = staying + len(incoming) - table.seats
    parts = []
    if others:
        parts.append(
            ngettext(
                "%(name)s comes with %(count)d other person.",
                "%(name)s comes with %(count)d other people.",
                others,
            )
            % {"name": lead.person.first_name, "count": others}
        )
    parts.append(
        ngettext(
            "%(table)s would then have %(count)d person too many.",
            "%(table)s would then have %(count)d people too many.",
            over,
        )
        % {"table": table, "count": over}
    )
    parts.append(_("Swap with a group of the same size, or move someone else first."))
    return " ".join(parts)


@transaction.atomic
def unlock(*, registration: Registration, actor: Actor) -> list[Registration]:
    """Let the algorithm place someone (and their party) again when dividing next time."""
    lock_meeting(registration.meeting)
    party = [member for member in _party(registration) if member.table_locked]
    for member in party:
        member.table_locked = False
    Registration.objects.bulk_update(party, ["table_locked"])
    if party:
        audit.record(
            actor=actor,
            action="registration.table_unlocked",
            subject=registration,
            payload={"party_size": len(party)},
        )
    return party


@dataclass
class TableSeating:
    table: Table
    people: list[Registration]
    score: int

    @property
    def free(self) -> int:
        return max(0, self.table.seats - len(self.people))


@dataclass
class SeatingPlan:
    tables: list[TableSeating]
    unplaced: list[Registration]
    score: int
    seats: int
    language_mismatches: int = 0

    @property
    def placed(self) -> int:
        return sum(len(seating.people) for seating in self.tables)

    @property
    def coming(self) -> int:
        return self.placed + len(self.unplaced)


def seating_plan(meeting: Meeting) -> SeatingPlan:
    """Who sits where now, with the mix score of each table. Two queries."""
    tables = list(meeting.tables.select_related("facilitator").order_by("number"))
    registrations = list(seated_registrations(meeting).select_related("person"))
    mark_parties(registrations)
    by_table: dict[int, list[Registration]] = {table.pk: [] for table in tables}
    unplaced = []
    for registration in registrations:
        if registration.table_id in by_table:
            by_table[registration.table_id].append(registration)
        else:
            unplaced.append(registration)
    attendees = [attendee_for(r) for r in registrations]
    assignment = {r.pk: r.table_id for r in registrations if r.table_id in by_table}
    scores = table_scores(attendees, assignment)
    mismatches = language_mismatches(attendees, assignment, [table_spec(t) for t in tables])
    for registration in registrations:
        registration.language_mismatch = registration.pk in mismatches  # type: ignore[attr-defined]  # for the page
    return SeatingPlan(
        tables=[
            TableSeating(table, by_table[table.pk], scores.get(table.pk, 0)) for table in tables
        ],
        unplaced=unplaced,
        score=sum(scores.values()),
        seats=sum(table.seats for table in tables),
        language_mismatches=len(mismatches),
    )


def mark_parties(registrations: list[Registration]) -> None:
    """Give each registration `together_with` (the first names of the others in its party) and
    sort the list by first name with each party together, lead first."""
    order = {}
    for party in group_into_parties(registrations):
        key, members = party.key, party.members
        members.sort(key=lambda r: (r.pk != key, r.pk))
        for position, registration in enumerate(members):
            registration.together_with = [  # type: ignore[attr-defined]  # for the page
                other.person.first_name for other in members if other.pk != registration.pk
            ]
            order[registration.pk] = (members[0].person.first_name.lower(), key, position)
    registrations.sort(key=lambda r: order[r.pk])
