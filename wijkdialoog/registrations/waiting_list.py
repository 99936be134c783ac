"""Places and the waiting list of a meeting: how many seats are taken, who is next in line, and
moving people up when a place comes free."""

from django.db import transaction
from django.utils import timezone

from wijkdialoog.core import audit
from wijkdialoog.dialogues.availability import confirmed_count
from wijkdialoog.dialogues.models import Meeting

from . import signals
from .models import Registration
from .parties import Party, group_into_parties

Status = Registration.Status


def lock_meeting(meeting: Meeting) -> Meeting:
    """Lock the meeting row for the rest of the transaction, so that decisions about its seats
    are taken one at a time (PostgreSQL: row lock; SQLite: the IMMEDIATE transaction already holds
    the write lock)."""
    return (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("organisation", "series__neighbourhood", "venue")
        .get(pk=meeting.pk)
    )


def waiting_parties(meeting: Meeting) -> list[Party]:
    """The waiting list in order: whoever has waited longest first, each party kept together."""
    waiting = (
        meeting.registrations.filter(status=Status.WAITING)
        .select_related("person")
        .order_by("waiting_since", "created_at", "pk")
    )
    return group_into_parties(waiting)


def waiting_position(registration: Registration) -> int | None:
    """1 for the first in line; None when the registration is not waiting."""
    if registration.status != Status.WAITING:
        return None
    for position, party in enumerate(waiting_parties(registration.meeting), start=1):
        if party.key == registration.party_key:
            return position
    return None


@transaction.atomic
def promote_from_waiting_list(*, meeting: Meeting, actor=None) -> list[Registration]:
    """Give free places to the people who have waited longest, and mail them.

    A party moves up only as a whole; when it does not fit, it keeps its place in line and the
    next people who do fit move up. Returns the promoted registrations (leads and companions).
    """
    from .registering import schedule_reminder
    from .tasks import send_promotion

    meeting = lock_meeting(meeting)
    now = timezone.now()
    if meeting.cancelled_at is not None or now >= meeting.starts_at:
        return []
    free = meeting.capacity() - confirmed_count(meeting)
    promoted: list[Registration] = []
    for party in waiting_parties(meeting):
        if free <= 0:
            break
        if party.size > free:
            continue
        for registration in party.members:
            registration.status = Status.CONFIRMED
            registration.promoted_at = now
            registration.save(update_fields=["status", "promoted_at", "updated_at"])
            promoted.append(registration)
        free -= party.size
        audit.record(
            actor=actor,
            actor_label="" if actor else "system",
            action="registration.promoted",
            subject=party.lead,
            payload={"party_size": party.size},
        )
        if party.lead.person.email:
            send_promotion.enqueue(party.lead.pk)
            schedule_reminder(party.lead)
    for registration in promoted:
        signals.announce_confirmed(registration)
    return promoted
