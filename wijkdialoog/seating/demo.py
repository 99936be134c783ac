"""Demo data: the table division of the past meetings and the next one, one person moved by
hand, and check-ins (with a walk-in) at the past meetings. Runs after the registration demo."""

import datetime

from django.utils import timezone

from wijkdialoog.community.models import User
from wijkdialoog.core.demo_support import DemoContext
from wijkdialoog.dialogues.models import Meeting
from wijkdialoog.registrations.check_in import add_walk_in, check_in
from wijkdialoog.registrations.models import Registration

from .table_division import divide_over_tables, seated_registrations
from .table_moves import move_to_table

PAST = ["kersenbuurt_past_1", "kersenbuurt_past_2"]
NEXT = "kersenbuurt_next"
# Past meetings: every so many registered people did not come.
NO_SHOW_EVERY = 6
WALK_INS = {
    "kersenbuurt_past_1": (
        "Karin",
        Registration.AgeGroup.AGE_45_64,
        Registration.Relation.RESIDENT,
    ),
    "kersenbuurt_past_2": ("Sem", Registration.AgeGroup.AGE_25_44, Registration.Relation.RESIDENT),
}


def load(context: DemoContext) -> None:
    meetings = context["meetings"]
    organiser = context["people"]["organisator"].user
    if NEXT in meetings:
        # Before dividing, the organiser gives one person a seat by hand; dividing keeps it.
        _move_one_by_hand(meetings[NEXT], organiser)
    for key in [*PAST, NEXT]:
        if key in meetings:
            divide_over_tables(meeting=meetings[key], actor=organiser)
    for key in PAST:
        if key in meetings:
            _check_in(meetings[key], organiser, WALK_INS[key])


def _move_one_by_hand(meeting: Meeting, organiser: User) -> None:
    """Someone who came alone, preferably with access needs, gets a seat at the first table
    (still empty: nobody is seated yet)."""
    table = meeting.tables.order_by("number").first()
    candidates = seated_registrations(meeting).filter(party_lead__isnull=True, companions=None)
    person = candidates.exclude(access_needs="").first() or candidates.first()
    if table is not None and person is not None:
        move_to_table(registration=person, table=table, actor=organiser)


def _check_in(meeting: Meeting, organiser: User, walk_in: tuple[str, str, str]) -> None:
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
