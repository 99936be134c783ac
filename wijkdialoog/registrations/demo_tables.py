"""Demo data: the table division of the past meetings and the next one, one person moved by
hand, and check-ins (with a walk-in) at the past meetings. Runs after the registration demo."""

import datetime

from django.utils import timezone

from .check_in import add_walk_in, check_in
from .models import Registration
from .table_division import divide_over_tables, seated_registrations
from .table_moves import TableFull, move_to_table

PAST = ["kersenbuurt_past_1", "kersenbuurt_past_2"]
NEXT = "kersenbuurt_next"
# Past meetings: every so many registered people did not come.
NO_SHOW_EVERY = 6
WALK_INS = {
    "kersenbuurt_past_1": (
        "Karin",
        Registration.AgeGroup.AGE_55_74,
        Registration.Relation.RESIDENT,
    ),
    "kersenbuurt_past_2": ("Sem", Registration.AgeGroup.AGE_18_34, Registration.Relation.RESIDENT),
}


def load(context) -> None:
    meetings = context["meetings"]
    organiser = context["people"]["organisator"].user
    for key in [*PAST, NEXT]:
        if key in meetings:
            divide_over_tables(meeting=meetings[key], actor=organiser)
    if NEXT in meetings:
        _move_one_by_hand(meetings[NEXT], organiser)
    for key in PAST:
        if key in meetings:
            _check_in(meetings[key], organiser, WALK_INS[key])


def _move_one_by_hand(meeting, organiser) -> None:
    """The organiser seats someone who came alone at the table with the most room."""
    tables = list(meeting.tables.order_by("number"))
    alone = [
        r
        for r in seated_registrations(meeting).filter(party_lead__isnull=True, table__isnull=False)
        if not r.companions.exists()
    ]
    for registration in alone:
        others = [t for t in tables if t.pk != registration.table_id]
        others.sort(key=lambda t: -(t.seats - t.registrations.count()))
        for table in others:
            try:
                move_to_table(registration=registration, table=table, actor=organiser)
            except TableFull:
                continue
            return


def _check_in(meeting, organiser, walk_in) -> None:
    """Most people came, a few did not, and one person walked in. The moments are set to just
    before the start, as if it happened then."""
    people = list(seated_registrations(meeting))
    if any(r.checked_in_at for r in people):
        return
    came = [r for i, r in enumerate(people) if (i + 1) % NO_SHOW_EVERY]
    for registration in came:
        check_in(registration=registration, actor=organiser)
    first_name, age_group, relation = walk_in
    walked_in = add_walk_in(
        meeting=meeting,
        first_name=first_name,
        age_group=age_group,
        relation=relation,
        actor=organiser,
    )
    start = meeting.starts_at - datetime.timedelta(minutes=20)
    for minute, registration in enumerate([*came, walked_in]):
        Registration.objects.filter(pk=registration.pk).update(
            checked_in_at=min(start + datetime.timedelta(minutes=minute), timezone.now())
        )
