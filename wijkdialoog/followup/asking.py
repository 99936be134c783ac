"""Asking once, some weeks after a meeting, how each person's personal actions went.

The sweep (`send_due_follow_ups`, run by the `send_follow_ups` command from cron) finds the
meetings whose moment has come, makes one FollowUp per person with a personal action, and sends
each its mail. The mail goes once: the sender claims the row with a conditional update first,
so two workers never both send it."""

import datetime
import secrets

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from wijkdialoog.community.models import Membership, Person
from wijkdialoog.dialogues.models import Meeting
from wijkdialoog.harvest.models import Card, CardKind
from wijkdialoog.outreach.invitations import is_opted_out

from .links import hash_token
from .models import FollowUp


def answer_url(token: str) -> str:
    return str(settings.SITE_URL) + reverse("follow-up-answer", args=[token])


def due_at(meeting: Meeting) -> datetime.datetime:
    """When the follow-up mail of a meeting goes out."""
    return meeting.ends_at + datetime.timedelta(weeks=settings.FOLLOWUP_AFTER_WEEKS)


def answerable_until(follow_up: FollowUp) -> datetime.datetime | None:
    if follow_up.mailed_at is None:
        return None
    return follow_up.mailed_at + datetime.timedelta(weeks=settings.FOLLOWUP_ANSWER_WEEKS)


def personal_actions_of_all() -> QuerySet[Card]:
    """Personal actions that belong to someone, approved: what a follow-up asks about."""
    return Card.objects.filter(
        kind=CardKind.PERSONAL_ACTION, status=Card.Status.APPROVED, owner__isnull=False
    )


def personal_actions(meeting: Meeting, person: Person | None = None) -> QuerySet[Card]:
    """The personal actions of a meeting that belong to someone: what the follow-up asks about."""
    cards = personal_actions_of_all().filter(meeting=meeting)
    return cards if person is None else cards.filter(owner=person)


def due_meetings(now: datetime.datetime | None = None) -> list[Meeting]:
    """Meetings whose follow-up moment has passed, not longer ago than the sending window."""
    now = now or timezone.now()
    after = datetime.timedelta(weeks=settings.FOLLOWUP_AFTER_WEEKS)
    window = datetime.timedelta(days=settings.FOLLOWUP_SEND_WITHIN_DAYS)
    ids = (
        personal_actions_of_all()
        .filter(
            meeting__cancelled_at__isnull=True,
            meeting__ends_at__lte=now - after,
            meeting__ends_at__gt=now - after - window,
        )
        .values("meeting_id")
    )
    return list(Meeting.objects.filter(pk__in=ids).order_by("ends_at", "pk"))


@transaction.atomic
def prepare_follow_ups(meeting: Meeting) -> list[int]:
    """One FollowUp per person with a personal action at the meeting (made once, however often
    this runs); returns the ids of those not mailed and not set aside yet."""
    owners = personal_actions(meeting).values_list("owner_id", flat=True).distinct()
    for person_id in sorted(set(owners)):
        FollowUp.objects.get_or_create(meeting=meeting, person_id=person_id)
    return list(
        FollowUp.objects.filter(
            meeting=meeting, mailed_at__isnull=True, not_asked="", revoked_at__isnull=True
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _set_aside(follow_up: FollowUp, reason: str) -> None:
    FollowUp.objects.filter(pk=follow_up.pk, mailed_at__isnull=True).update(not_asked=reason)


def _claim(follow_up: FollowUp, token: str) -> bool:
    """Mark the mail as sent, once: whoever claims it first sends it."""
    claimed = FollowUp.objects.filter(
        pk=follow_up.pk, mailed_at__isnull=True, not_asked="", revoked_at__isnull=True
    ).update(mailed_at=timezone.now(), token_hash=hash_token(token))
    return claimed == 1


def _unclaim(follow_up: FollowUp) -> None:
    FollowUp.objects.filter(pk=follow_up.pk).update(mailed_at=None, token_hash=None)


def ask(follow_up_id: int) -> bool:
    """Send the follow-up mail of one person, at most once. Nobody without an email address or
    who asked for no more email gets it; they count as "not asked". Returns whether this call
    sent it."""
    from .mails import send_question

    follow_up = (
        FollowUp.objects.select_related("person", "meeting__organisation", "meeting__series")
        .filter(pk=follow_up_id)
        .first()
    )
    if follow_up is None or follow_up.mailed_at or follow_up.not_asked or follow_up.revoked_at:
        return False
    person = follow_up.person
    if not person.email:
        _set_aside(follow_up, FollowUp.NotAsked.NO_EMAIL)
        return False
    if is_opted_out(follow_up.meeting.organisation_id, person.email):
        _set_aside(follow_up, FollowUp.NotAsked.OPTED_OUT)
        return False
    actions = list(personal_actions(follow_up.meeting, person).order_by("created_at", "pk"))
    if not actions:
        return False
    token = secrets.token_urlsafe(32)
    if not _claim(follow_up, token):
        return False
    try:
        send_question(follow_up, actions=actions, url=answer_url(token))
    except Exception:
        _unclaim(follow_up)
        raise
    return True


def help_recipients(follow_up: FollowUp) -> list[tuple[str, str]]:
    """Who hears that someone would like help, with the language of their mail: the
    organisation's active organisers, else its public address."""
    addresses = (
        Membership.objects.filter(
            role=Membership.Role.ORGANISER,
            is_active=True,
            person__organisation_id=follow_up.meeting.organisation_id,
        )
        .exclude(person__email="")
        .order_by("person__email")
        .values_list("person__email", "person__language")
        .distinct()
    )
    fallback = (follow_up.meeting.organisation.public_email, settings.LANGUAGE_CODE)
    return list(addresses) or [fallback]
