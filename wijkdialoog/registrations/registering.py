"""Registering for a meeting without an account: register, change, cancel.

Every function locks the meeting row first, so decisions about its seats are taken one at a time:
two people who register for the last place at the same moment never both get it.
"""

import datetime
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wijkdialoog.community.models import Person
from wijkdialoog.core import audit
from wijkdialoog.dialogues.models import Meeting

from . import signals
from .intake import (
    LANGUAGES,
    AlreadyRegistered,
    Contact,
    earlier_registration,
    find_or_add_person,
    tidy_contact,
)
from .models import Channel, Registration
from .waiting_list import confirmed_count, lock_meeting, promote_from_waiting_list

Status = Registration.Status
Source = Registration.Source

# The version of the consent statement people agree to; raise it when the statement changes.
CONSENT_VERSION = "2026-1"
# A few first names of people who come along; a bigger group is better arranged by phone.
MAX_COMPANIONS = 3
# The default of `change()` for a fact it should leave alone (None is a real answer there).
UNCHANGED = object()


# --- rules -----------------------------------------------------------------------------------


def registration_is_closed(meeting: Meeting, *, source: str = Source.ONLINE, now=None) -> bool:
    """Closed when the meeting is cancelled, or from its closing moment on. People who walk in at
    the door are welcome until the meeting ends."""
    now = now or timezone.now()
    if meeting.cancelled_at is not None:
        return True
    if source == Source.WALK_IN:
        return now >= meeting.ends_at
    return now >= meeting.registration_deadline


def _closed_error() -> ValidationError:
    return ValidationError(
        _("Registration for this meeting is closed."),
        code="closed",
    )


def _clean_companions(companions: Sequence[str]) -> list[str]:
    names = [" ".join(str(name).split()) for name in companions]
    names = [name for name in names if name]
    if len(names) > MAX_COMPANIONS:
        raise ValidationError(
            {
                "companions": ngettext(
                    "You can bring %(count)d person at most.",
                    "You can bring %(count)d people at most.",
                    MAX_COMPANIONS,
                )
                % {"count": MAX_COMPANIONS}
            },
            code="too_many",
        )
    return names


def _label(actor, via: str) -> str:
    return "" if getattr(actor, "is_authenticated", False) else via


# --- registering -----------------------------------------------------------------------------


@transaction.atomic
def register(
    *,
    meeting: Meeting,
    first_name: str,
    email: str = "",
    phone: str = "",
    channel: Channel | None = None,
    source: str = Source.ONLINE,
    registered_by=None,
    age_group: str = "",
    relation: str = "",
    languages: str = "",
    access_needs: str = "",
    first_time: bool | None = None,
    companions: Sequence[str] = (),
    consent: bool = True,
    keep_me_posted: bool = False,
    language: str = "nl",
) -> Registration:
    """Register someone (and the people who come with them) for a meeting.

    They get a place while the whole party fits, otherwise they all join the waiting list.
    Raises ValidationError when registration is closed, when they are registered already, or when
    the input is incomplete. `keep_me_posted` is the separate consent to mail about results."""
    meeting = lock_meeting(meeting)
    now = timezone.now()
    language = language if language in LANGUAGES else Person.Language.DUTCH
    companion_names = _clean_companions(companions)
    if not consent:
        raise ValidationError({"consent": _("We need your permission to register you.")})
    contact = tidy_contact(first_name=first_name, email=email, phone=phone)
    _check_open_for(meeting, contact=contact, source=source, now=now)
    if channel is not None and channel.series_id != meeting.series_id:
        channel = None
    trusted = getattr(registered_by, "is_authenticated", False)
    person = find_or_add_person(
        meeting=meeting, contact=contact, language=language, trusted=trusted
    )
    registration = _row_for(meeting=meeting, person=person)
    # People already in line go first when places have come free (for example a new table).
    promote_from_waiting_list(meeting=meeting)
    fits = confirmed_count(meeting) + 1 + len(companion_names) <= meeting.capacity()
    by = registered_by if trusted else None
    _set_sign_up(registration, fits=fits, now=now, channel=channel, source=source, by=by)
    _set_facts(
        registration,
        age_group=age_group,
        relation=relation,
        languages=languages,
        access_needs=access_needs,
        first_time=first_time,
        keep_me_posted_at=now if keep_me_posted else None,
    )
    registration.full_clean(exclude=["meeting", "person", "channel", "registered_by", "table"])
    registration.save()
    _record_created(registration, companion_names=companion_names, actor=registered_by)
    _after_registering(registration)
    if registration.status == Status.CONFIRMED:
        signals.announce_confirmed(registration)
    return registration


def _row_for(*, meeting: Meeting, person: Person) -> Registration:
    """A new registration, or the row of an earlier cancelled one to start afresh. Raises
    AlreadyRegistered when they have a place or wait for one."""
    registration = earlier_registration(meeting=meeting, person=person)
    if registration is None:
        return Registration(meeting=meeting, person=person)
    if registration.status != Status.CANCELLED:
        raise AlreadyRegistered(registration)
    _start_afresh(registration)
    return registration


def _record_created(registration: Registration, *, companion_names: list[str], actor) -> None:
    """The audit entry of the sign-up, then the people who come along (each with their own)."""
    audit.record(
        actor=actor,
        actor_label=_label(actor, "registration form"),
        action="registration.created",
        subject=registration,
        payload={
            "status": registration.status,
            "source": registration.source,
            "channel": registration.channel_id,
            "companions": len(companion_names),
        },
    )
    for name in companion_names:
        _add_companion(lead=registration, first_name=name, actor=actor)


def _check_open_for(meeting: Meeting, *, contact: Contact, source: str, now) -> None:
    """Raise ValidationError when this sign-up cannot be taken (yet)."""
    if not (contact.email or contact.phone) and source != Source.WALK_IN:
        raise ValidationError({"email": _("Fill in an email address or a phone number.")})
    if registration_is_closed(meeting, source=source, now=now):
        raise _closed_error()
    if meeting.capacity() == 0 and source != Source.WALK_IN:
        raise ValidationError(
            _("The tables for this meeting are still being planned. Registration opens soon."),
            code="not-yet",
        )


def _set_sign_up(registration: Registration, *, fits: bool, now, channel, source, by) -> None:
    """A place when the whole party fits, else the waiting list; how and when they signed up."""
    registration.status = Status.CONFIRMED if fits else Status.WAITING
    registration.waiting_since = None if fits else now
    registration.channel = channel
    registration.source = source
    registration.registered_by = by
    registration.consent_at = now
    registration.consent_version = CONSENT_VERSION


def _start_afresh(registration: Registration) -> None:
    """Clear what belonged to an earlier, cancelled registration of the same person."""
    registration.promoted_at = None
    registration.cancelled_at = None
    registration.table = None
    registration.table_locked = False
    registration.checked_in_at = None
    registration.reminder_sent_at = None


def _set_facts(registration: Registration, **facts) -> list[str]:
    """Set the optional facts that are given (not UNCHANGED), tidied; the names that changed."""
    if facts.get("languages", UNCHANGED) is not UNCHANGED:
        facts["languages"] = " ".join(facts["languages"].split())
    if facts.get("access_needs", UNCHANGED) is not UNCHANGED:
        facts["access_needs"] = facts["access_needs"].strip()
    changed = []
    for name, value in facts.items():
        if value is not UNCHANGED and getattr(registration, name) != value:
            setattr(registration, name, value)
            changed.append(name)
    return changed


def register_from_public_form(
    *, meeting: Meeting, email: str = "", **details
) -> Registration | None:
    """Register someone through the public form, where anyone can type anything.

    Returns the registration when the browser may show its personal link: only when the person
    has no email address to send it to. Otherwise returns None and the mail carries everything,
    so a stranger who types someone's address learns nothing, not even whether it is known:
    someone registered already gets their link again by mail instead of an answer on screen.
    """
    try:
        registration = register(meeting=meeting, email=email, **details)
    except AlreadyRegistered as error:
        existing = error.registration
        if not existing.person.email:
            raise ValidationError(
                _(
                    "Someone with this first name and phone number is already registered for "
                    "this meeting. Lost the link to change or cancel? Ask the organiser."
                ),
                code="duplicate",
            ) from None
        _send_link_again(existing)
        return None
    return None if registration.person.email else registration


def _send_link_again(registration: Registration) -> None:
    from .tasks import send_already_registered

    send_already_registered.enqueue(registration.pk)


def _add_companion(*, lead: Registration, first_name: str, actor) -> Registration:
    person = Person.objects.create(
        organisation_id=lead.person.organisation_id,
        first_name=first_name,
        language=lead.person.language,
    )
    companion = Registration.objects.create(
        meeting=lead.meeting,
        person=person,
        party_lead=lead,
        status=lead.status,
        waiting_since=lead.waiting_since,
        channel=lead.channel,
        source=lead.source,
        registered_by=lead.registered_by,
        consent_at=lead.consent_at,
        consent_version=lead.consent_version,
    )
    audit.record(
        actor=actor,
        actor_label=_label(actor, "registration form"),
        action="registration.created",
        subject=companion,
        payload={"status": companion.status, "party_lead": lead.pk},
    )
    return companion


def _after_registering(registration: Registration) -> None:
    from .tasks import send_confirmation

    if registration.person.email:
        send_confirmation.enqueue(registration.pk)
        if registration.status == Status.CONFIRMED:
            schedule_reminder(registration)


# --- reminders -------------------------------------------------------------------------------


def reminder_due_at(meeting: Meeting) -> datetime.datetime:
    return meeting.starts_at - datetime.timedelta(hours=meeting.reminder_hours_before)


def schedule_reminder(registration: Registration):
    """Queue the reminder for its moment when the task backend can wait (the database queue);
    otherwise the `send_reminders` sweep sends it. Returns the task result, or None."""
    from .tasks import send_reminder

    if not send_reminder.get_backend().supports_defer:
        return None
    due = reminder_due_at(registration.meeting)
    if due <= timezone.now():
        # Within the reminder window the confirmation itself serves as the reminder.
        return None
    return send_reminder.using(run_after=due).enqueue(registration.pk)


# --- changing and cancelling ----------------------------------------------------------------


def active_companions(registration: Registration) -> list[Registration]:
    return list(
        registration.companions.exclude(status=Status.CANCELLED)
        .select_related("person")
        .order_by("pk")
    )


@transaction.atomic
def change(
    *,
    registration: Registration,
    actor=None,
    via: str = "manage link",
    age_group=UNCHANGED,
    relation=UNCHANGED,
    languages=UNCHANGED,
    access_needs=UNCHANGED,
    first_time=UNCHANGED,
    companions: Sequence[str] | None = None,
) -> Registration:
    """Change the optional facts and who comes along. Facts not given stay as they are; a
    companion whose name is emptied is cancelled; a new companion needs a free place when the
    registration is confirmed (and comes along onto the waiting list when it is not)."""
    meeting = lock_meeting(registration.meeting)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    registration.meeting = meeting
    if registration.status == Status.CANCELLED:
        raise ValidationError(_("This registration has been cancelled."), code="cancelled")

    changed = _set_facts(
        registration,
        age_group=age_group,
        relation=relation,
        languages=languages,
        access_needs=access_needs,
        first_time=first_time,
    )
    registration.full_clean(exclude=["meeting", "person", "channel", "registered_by", "table"])
    if changed:
        registration.save(update_fields=[*changed, "updated_at"])

    added = removed = renamed = 0
    if companions is not None and registration.party_lead_id is None:
        added, removed, renamed = _change_companions(
            registration, names=_clean_companions(companions), actor=actor
        )
    if changed or added or removed or renamed:
        audit.record(
            actor=actor,
            actor_label=_label(actor, via),
            action="registration.changed",
            subject=registration,
            payload={
                "fields": changed,
                "companions_added": added,
                "companions_removed": removed,
                "companions_renamed": renamed,
            },
        )
    if removed:
        promote_from_waiting_list(meeting=registration.meeting)
    return registration


def _change_companions(lead: Registration, *, names: list[str], actor) -> tuple[int, int, int]:
    """Rename, cancel and add companions to match `names`; (added, removed, renamed)."""
    meeting = lead.meeting
    removed = renamed = 0
    current = active_companions(lead)
    for index, companion in enumerate(current):
        if index >= len(names):
            _cancel_one(companion)
            removed += 1
        elif companion.person.first_name != names[index]:
            companion.person.first_name = names[index]
            companion.person.save(update_fields=["first_name", "updated_at"])
            renamed += 1
    extra = names[len(current) :]
    if extra:
        if registration_is_closed(meeting, source=lead.source):
            raise ValidationError({"companions": _closed_error().messages[0]})
        if lead.status == Status.CONFIRMED:
            _check_room_for(meeting, extra)
        for name in extra:
            _add_companion(lead=lead, first_name=name, actor=actor)
    return len(extra), removed, renamed


def _check_room_for(meeting: Meeting, extra: list[str]) -> None:
    free = meeting.capacity() - confirmed_count(meeting)
    if len(extra) > free:
        raise ValidationError(
            {
                "companions": ngettext(
                    "There is %(count)d place left.",
                    "There are %(count)d places left.",
                    max(free, 0),
                )
                % {"count": max(free, 0)}
            },
            code="full",
        )


def _cancel_one(registration: Registration) -> None:
    registration.status = Status.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.table = None
    registration.table_locked = False
    registration.save(
        update_fields=["status", "cancelled_at", "table", "table_locked", "updated_at"]
    )


@transaction.atomic
def cancel(*, registration: Registration, actor=None, via: str = "manage link") -> Registration:
    """Cancel a registration (with the people who came along), mail a confirmation, and give the
    places to the next people on the waiting list. Cancelling twice changes nothing."""
    from .tasks import send_cancellation

    meeting = lock_meeting(registration.meeting)
    registration = (
        Registration.objects.select_for_update(of=("self",))
        .select_related("person")
        .get(pk=registration.pk)
    )
    registration.meeting = meeting
    if registration.status == Status.CANCELLED:
        return registration
    previous = registration.status
    party = [registration]
    if registration.party_lead_id is None:
        party += active_companions(registration)
    for member in party:
        _cancel_one(member)
    audit.record(
        actor=actor,
        actor_label=_label(actor, via),
        action="registration.cancelled",
        subject=registration,
        payload={"previous_status": previous, "party_size": len(party)},
    )
    if registration.person.email:
        send_cancellation.enqueue(registration.pk)
    if previous == Status.CONFIRMED:
        promote_from_waiting_list(meeting=meeting)
    signals.announce_cancelled(registration, previous_status=previous)
    return registration
