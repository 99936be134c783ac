"""A seat for someone who walks in (provided to check-in in SeatingConfig.ready())."""

from django.utils import timezone

from wijkdialoog.dialogues.models import MAX_SEATS, Meeting, Table
from wijkdialoog.registrations.models import Registration

from .table_division import attendee_for, table_spec
from .table_division_algorithm import TableSpec, best_table_for

Status = Registration.Status


def table_with_room(meeting: Meeting, registration: Registration) -> tuple[int | None, bool]:
    """The best table with a free seat; when there is none, the best table that may grow by a
    seat, which then gets it. (table id or None, whether a seat was added)."""
    tables = list(meeting.tables.select_for_update().order_by("number"))
    seated = [
        (attendee_for(other), other.table_id)
        for other in meeting.registrations.filter(status=Status.CONFIRMED, table__isnull=False)
        if other.table_id is not None  # always, by the filter; says so to the type checker
    ]
    newcomer = attendee_for(registration)
    table_id = best_table_for(newcomer, seated, [table_spec(t) for t in tables])
    if table_id is not None:
        return table_id, False
    # Every table is full: rather one chair more at the best table than nobody to talk with.
    taken = {t.pk: sum(1 for _a, table in seated if table == t.pk) for t in tables}
    growing = [
        TableSpec(key=t.pk, seats=max(t.seats, taken[t.pk]) + 1, language=t.language)
        for t in tables
        if max(t.seats, taken[t.pk]) < MAX_SEATS
    ]
    table_id = best_table_for(newcomer, seated, growing)
    if table_id is None:
        return None, False
    table = next(t for t in tables if t.pk == table_id)
    Table.objects.filter(pk=table_id).update(
        seats=max(table.seats, taken[table_id]) + 1, updated_at=timezone.now()
    )
    return table_id, True
