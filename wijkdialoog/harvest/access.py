"""Access helpers for facilitator mode and the participant links; the rules are in rules.py."""

import datetime

from django.utils import timezone

from wijkdialoog.dialogues.access import get_table_for
from wijkdialoog.dialogues.models import Table
from wijkdialoog.registrations.models import Registration

from .models import TableRun

# The QR links on the table keep working for a day after the meeting, for cards and
# evaluations still waiting on someone's phone; after that they lead nowhere.
PARTICIPANT_LINK_GRACE = datetime.timedelta(days=1)


def get_table_for_facilitator(request, pk: int) -> Table:
    """The table whose conversation this user may run (its facilitator or harvester, or an
    organiser of the organisation). Anonymous visitors go to the login page, others get 403."""
    return get_table_for(request, pk, "harvest.run_table", related=("run__method",))


def get_run_for_participant(token: str) -> TableRun | None:
    """The conversation behind a QR link on the table; None when unknown or long over."""
    run = (
        TableRun.objects.select_related(
            "table__meeting__organisation", "table__meeting__series__neighbourhood", "method"
        )
        .filter(participant_token=token)
        .first()
    )
    if run is None or not participant_link_works(run):
        return None
    return run


def participant_link_works(run: TableRun, now=None) -> bool:
    meeting = run.table.meeting
    now = now or timezone.now()
    return meeting.cancelled_at is None and now < meeting.ends_at + PARTICIPANT_LINK_GRACE


def get_registration_by_manage_token(token: str) -> Registration | None:
    """A registration by its personal link, also after the meeting: personal actions are for
    the weeks that follow."""
    return (
        Registration.objects.select_related("person", "meeting__series__neighbourhood")
        .filter(manage_token=token)
        .first()
    )
