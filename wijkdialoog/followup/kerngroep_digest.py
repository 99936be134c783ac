"""The weekly digest of the kerngroep (run by `wijkdialoog send_kerngroep_digests` from cron,
weekly): each active member with an email address who did not opt out gets one mail per week
with the group's open tasks that are overdue or due in the next seven days, only when there is
such a task. The member's week is claimed with a conditional update before the mail goes, so
two runs never both send it."""

import datetime
import logging

from django.db.models import Q
from django.utils import timezone

from wijkdialoog.outreach.invitations import is_opted_out

from . import kerngroep
from .models import KerngroepMember, KerngroepTask

logger = logging.getLogger(__name__)
AHEAD = datetime.timedelta(days=7)


def week_of(day: datetime.date) -> datetime.date:
    """The Monday of the week of `day`."""
    return day - datetime.timedelta(days=day.weekday())


def due_tasks(
    series_id: int, today: datetime.date
) -> tuple[list[KerngroepTask], list[KerngroepTask]]:
    """Open tasks of a series: (overdue, due in the next seven days)."""
    tasks = list(
        KerngroepTask.objects.filter(
            series_id=series_id, done_at__isnull=True, due_on__lte=today + AHEAD
        )
        .select_related("owner__person")
        .order_by("due_on", "pk")
    )
    overdue = [task for task in tasks if task.due_on and task.due_on < today]
    return overdue, [task for task in tasks if task not in overdue]


def _claim(member: KerngroepMember, week: datetime.date) -> bool:
    claimed = (
        KerngroepMember.objects.filter(pk=member.pk, left_at__isnull=True, wants_digest=True)
        .exclude(digest_week=week)
        .update(digest_week=week)
    )
    return claimed == 1


def send_digest(member_id: int, today: datetime.date | None = None) -> bool:
    """The digest of one member for this week, at most once; returns whether this call sent it."""
    from .kerngroep_mails import send_digest as send

    today = today or timezone.localdate()
    week = week_of(today)
    member = (
        KerngroepMember.objects.select_related(*kerngroep.MEMBER_RELATED)
        .filter(pk=member_id, left_at__isnull=True, wants_digest=True)
        .exclude(person__email="")
        .first()
    )
    if member is None or member.digest_week == week:
        return False
    if is_opted_out(member.series.organisation_id, member.person.email):
        return False
    overdue, due_soon = due_tasks(member.series_id, today)
    if not (overdue or due_soon):
        return False
    previous = member.digest_week
    if not _claim(member, week):
        return False
    try:
        send(member, overdue=overdue, due_soon=due_soon)
    except Exception:
        KerngroepMember.objects.filter(pk=member.pk).update(digest_week=previous)
        raise
    return True


def send_due_digests(today: datetime.date | None = None) -> int:
    """Every member's digest of this week that is due; safe to run often. Returns how many
    mails went."""
    today = today or timezone.localdate()
    with_due = KerngroepTask.objects.filter(done_at__isnull=True, due_on__lte=today + AHEAD)
    members = (
        KerngroepMember.objects.filter(
            left_at__isnull=True,
            wants_digest=True,
            series__in=with_due.values("series_id"),
        )
        .exclude(person__email="")
        .exclude(Q(digest_week=week_of(today)))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    sent = 0
    for member_id in list(members):
        try:
            if send_digest(member_id, today):
                sent += 1
        except Exception:
            logger.exception("Kerngroep digest for member %s could not be sent", member_id)
    return sent
