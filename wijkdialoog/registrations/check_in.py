"""Check-in at the door: who came, by a button or the code from the confirmation mail, and
people who walk in without registering (they get a seat at a table with room)."""

import datetime
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wijkdialoog.core import audit
from wijkdialoog.core.models import describe_action
from wijkdialoog.dialogues.models import Meeting

from .intake import earlier_registration, find_or_add_person, tidy_contact
from .models import Registration
from .seats import seat_walk_in
from .waiting_list import lock_meeting

describe_action("registration.checked_in", gettext_lazy("Checked in at the door"))
describe_action("registration.check_in_undone", gettext_lazy("Check-in undone"))
describe_action("registration.walked_in", gettext_lazy("Walked in at the door"))

Status = Registration.Status
Source = Registration.Source

# Consent at the door is asked out loud; this marks it apart from the online statement versions.
VERBAL_CONSENT_VERSION = "verbal-at-door"
_NOT_CODE = re.compile(r"[\s\-–—_.]+")


def check_in_dates(meeting: Meeting) -> tuple[datetime.date, datetime.date]:
    """The first and last local date (Europe/Amsterdam, the organisation's zone) on which the
    people at the tables may check people in: the day before until the day after."""
    zone = timezone.get_default_timezone()
    day = datetime.timedelta(days=1)
    return (
        timezone.localdate(meeting.starts_at, zone) - day,
        timezone.localdate(meeting.ends_at, zone) + day,
    )


def in_check_in_window(meeting: Meeting, now: datetime.datetime | None = None) -> bool:
    first, last = check_in_dates(meeting)
    today = timezone.localdate(now or timezone.now(), timezone.get_default_timezone())
    return first <= today <= last


def check_in_window_has_opened(meeting: Meeting, now=None) -> bool:
    first, _last = check_in_dates(meeting)
    return timezone.localdate(now or timezone.now(), timezone.get_default_timezone()) >= first


def normalise_code(raw: str) -> str:
    """The code as stored: capitals, without spaces or dashes ("acd-e 4f" becomes "ACDE4F")."""
    return _NOT_CODE.sub("", raw or "").upper()


@transaction.atomic
def check_in(*, registration: Registration, actor) -> bool:
    """Record that someone came. False when they were checked in already (nothing changes)."""
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != Status.CONFIRMED:
        raise ValidationError(_("Only confirmed people can be checked in."), code="not_confirmed")
    if registration.checked_in_at is not None:
        return False
    registration.checked_in_at = timezone.now()
    registration.save(update_fields=["checked_in_at", "updated_at"])
    audit.record(actor=actor, action="registration.checked_in", subject=registration)
    return True


@transaction.atomic
def undo_check_in(*, registration: Registration, actor) -> bool:
    """Take back a check-in made by mistake. False when they were not checked in."""
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.checked_in_at is None:
        return False
    registration.checked_in_at = None
    registration.save(update_fields=["checked_in_at", "updated_at"])
    audit.record(actor=actor, action="registration.check_in_undone", subject=registration)
    return True


def find_by_code(*, meeting: Meeting, code: str) -> Registration | None:
    code = normalise_code(code)
    if not code:
        return None
    return (
        meeting.registrations.filter(check_in_code=code).select_related("person", "table").first()
    )


@transaction.atomic
def check_in_by_code(*, meeting: Meeting, code: str, actor) -> Registration:
    """Check in the person whose confirmation mail shows `code` (any case, spaces and dashes
    ignored). Raises ValidationError when the code is not a confirmed place at this meeting."""
    registration = find_by_code(meeting=meeting, code=code)
    if registration is None:
        raise ValidationError(
            _("No registration for this meeting has this code. Check the letters."),
            code="unknown",
        )
    if registration.status != Status.CONFIRMED:
        raise ValidationError(
            _("%(name)s has no confirmed place (waiting list or cancelled).")
            % {"name": registration.person.first_name},
            code="not_confirmed",
        )
    check_in(registration=registration, actor=actor)
    registration.refresh_from_db(fields=["checked_in_at"])
    return registration


@transaction.atomic
def add_walk_in(
    *,
    meeting: Meeting,
    first_name: str,
    actor,
    phone: str = "",
    email: str = "",
    age_group: str = "",
    relation: str = "",
) -> Registration:
    """Someone who came without registering: register them as confirmed (they agreed out loud
    that we keep these details), check them in, and seat them at the table with room whose mix
    improves most. When every table is full, the table whose mix improves most gets one more
    seat (up to the most a table may have); only when every table has that many are they
    registered without a table, and `registration.seat_added` says what happened.

    Someone already known by email (or by phone with the same first name) keeps their own
    record; if they were registered for this meeting already, that registration is confirmed and
    checked in."""
    meeting = lock_meeting(meeting)
    now = timezone.now()
    contact = tidy_contact(first_name=first_name, email=email, phone=phone)
    if meeting.cancelled_at is not None:
        raise ValidationError(_("This meeting has been cancelled."), code="cancelled")
    person = find_or_add_person(meeting=meeting, contact=contact, trusted=True)
    registration = earlier_registration(meeting=meeting, person=person)
    already_confirmed = registration is not None and registration.status == Status.CONFIRMED
    if registration is None:
        registration = Registration(meeting=meeting, person=person)
    if not already_confirmed:
        _confirm_at_door(registration, actor=actor, now=now, age_group=age_group, relation=relation)
    registration.checked_in_at = registration.checked_in_at or now
    seat_added = False
    if registration.table_id is None:
        registration.table_id, seat_added = seat_walk_in(meeting, registration)
    registration.full_clean(exclude=["meeting", "person", "table", "registered_by", "channel"])
    registration.save()
    audit.record(
        actor=actor,
        action="registration.walked_in",
        subject=registration,
        payload={
            "table": registration.table_id,
            "was_registered": already_confirmed,
            "seat_added": seat_added,
        },
    )
    registration.seat_added = seat_added  # type: ignore[attr-defined]  # for the page
    return registration


def _confirm_at_door(registration: Registration, *, actor, now, age_group, relation) -> None:
    """A place for someone at the door: confirmed, with the consent they gave out loud."""
    registration.source = Source.WALK_IN
    registration.status = Status.CONFIRMED
    registration.waiting_since = None
    registration.cancelled_at = None
    registration.table = None
    registration.table_locked = False
    registration.registered_by = actor if getattr(actor, "is_authenticated", False) else None
    registration.consent_at = now
    registration.consent_version = VERBAL_CONSENT_VERSION
    registration.age_group = age_group or registration.age_group
    registration.relation = relation or registration.relation


@dataclass(frozen=True)
class DoorCounts:
    expected: int
    checked_in: int
    walk_ins: int
    seats_left: int


def door_counts(meeting: Meeting, seats: int) -> DoorCounts:
    """Expected: confirmed people who registered beforehand; checked in: how many of them came;
    walk-ins: people added at the door; seats left: seats not held by any confirmed person."""
    walk_in = Q(source=Source.WALK_IN)
    counts = meeting.registrations.filter(status=Status.CONFIRMED).aggregate(
        expected=Count("pk", filter=~walk_in),
        checked_in=Count("pk", filter=~walk_in & Q(checked_in_at__isnull=False)),
        walk_ins=Count("pk", filter=walk_in),
        confirmed=Count("pk"),
    )
    return DoorCounts(
        expected=counts["expected"],
        checked_in=counts["checked_in"],
        walk_ins=counts["walk_ins"],
        seats_left=max(0, seats - counts["confirmed"]),
    )
