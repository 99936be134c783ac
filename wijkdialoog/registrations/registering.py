"""Registering for a meeting without an account: register, change, cancel.

Every function locks the meeting row first, so decisions about its seats are taken one at a time:
two people who register for the last place at the same moment never both get it.
"""

import datetime
import re
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Value
from django.db.models.functions import Replace
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wijkdialoog.community.models import Organisation, Person
from wijkdialoog.core import audit
from wijkdialoog.dialogues.models import Meeting

from . import signals
from .models import Channel, Registration
from .waiting_list import confirmed_count, lock_meeting, promote_from_waiting_list

Status = Registration.Status
Source = Registration.Source

# The version of the consent statement people agree to; raise it when the statement changes.
CONSENT_VERSION = "2026-1"
# A few first names of people who come along; a bigger group is better arranged by phone.
MAX_COMPANIONS = 3
FACT_FIELDS = ("age_group", "relation", "languages", "access_needs", "first_time")
LANGUAGES = {code for code, _label in Person.Language.choices}
# The default of `change()` for a fact it should leave alone (None is a real answer there).
UNCHANGED = object()


# --- finding the person ----------------------------------------------------------------------


def normalise_phone(raw: str) -> str:
    """Digits only, Dutch style: "+31 6-1234 5678" and "0031612345678" become "0612345678"."""
    digits = re.sub(r"[^\d+]", "", raw or "")
    if digits.startswith("+31"):
        return "0" + digits[3:]
    if digits.startswith("0031"):
        return "0" + digits[4:]
    return digits.lstrip("+")


def _phone_variants(normalised: str) -> set[str]:
    variants = {normalised}
    if normalised.startswith("0") and len(normalised) > 1:
        variants |= {"+31" + normalised[1:], "0031" + normalised[1:]}
    return variants


def find_person(
    *, organisation: Organisation, email: str = "", phone: str = "", first_name: str = ""
) -> Person | None:
    """The organisation's record of this person: the same email address (any case), else the same
    phone number with, when given, the same first name (a household often shares one phone)."""
    if email:
        person = (
            Person.objects.filter(organisation=organisation, email__iexact=email)
            .order_by("pk")
            .first()
        )
        if person is not None:
            return person
    return next(
        iter(people_with_phone(organisation=organisation, phone=phone, first_name=first_name)), None
    )


def people_with_phone(
    *, organisation: Organisation, phone: str, first_name: str = ""
) -> list[Person]:
    """The organisation's records with this phone number (in any notation) and, when given, this
    first name (any case), oldest first."""
    normalised = normalise_phone(phone)
    if len(normalised) < 6:
        return []
    stripped = Replace("phone", Value(" "), Value(""))
    for separator in ("-", ".", "(", ")", "/"):
        stripped = Replace(stripped, Value(separator), Value(""))
    candidates = (
        Person.objects.filter(organisation=organisation)
        .exclude(phone="")
        .annotate(phone_digits=stripped)
        .filter(phone_digits__in=_phone_variants(normalised))
        .order_by("pk")
    )
    wanted = first_name.casefold()
    return [p for p in candidates if not wanted or p.first_name.casefold() == wanted]


def _match_for_public_form(
    *, meeting: Meeting, organisation: Organisation, first_name: str, phone: str
) -> Person | None:
    """The record a sign-up without email may use: only one that shows nothing the visitor did
    not type (same first name and phone, no email address on record). Someone with that name
    and phone registered for this meeting already still gets the "already registered" answer."""
    candidates = people_with_phone(organisation=organisation, phone=phone, first_name=first_name)
    existing = (
        Registration.objects.filter(meeting=meeting, person__in=candidates)
        .exclude(status=Status.CANCELLED)
        .select_related("person")
        .order_by("pk")
        .first()
    )
    if existing is not None:
        raise AlreadyRegistered(existing)
    return next((person for person in candidates if not person.email), None)


def _find_or_create_person(
    *,
    meeting: Meeting,
    organisation: Organisation,
    first_name: str,
    email: str,
    phone: str,
    language: str,
    trusted: bool,
) -> Person:
    """Find or add the person. Anyone can type anything into the public form, so there
    (`trusted=False`) a given email address is the only match, a phone number only matches a
    record without email (see `_match_for_public_form`), and a known record is never changed.
    A volunteer who registers someone (`trusted=True`) may fill in what was missing."""
    if trusted:
        person = find_person(
            organisation=organisation, email=email, phone=phone, first_name=first_name
        )
    elif email:
        person = find_person(organisation=organisation, email=email)
    else:
        person = _match_for_public_form(
            meeting=meeting, organisation=organisation, first_name=first_name, phone=phone
        )
    if person is None:
        person = Person(
            organisation=organisation,
            first_name=first_name,
            email=email,
            phone=phone,
            language=language,
        )
        try:
            with transaction.atomic():
                person.save()
        except IntegrityError:
            # Someone with this address was added at the same moment (for another meeting).
            person = Person.objects.get(organisation=organisation, email__iexact=email)
        else:
            return person
    if not trusted:
        return person
    # Fill in what was missing, and remember the language they used this time.
    changed = []
    if email and not person.email:
        person.email = email
        changed.append("email")
    if phone and not person.phone:
        person.phone = phone
        changed.append("phone")
    if language in LANGUAGES and person.language != language:
        person.language = language
        changed.append("language")
    if changed:
        person.save(update_fields=[*changed, "updated_at"])
    return person


class AlreadyRegistered(ValidationError):
    """A second registration of the same person for a meeting; `registration` is the first."""

    def __init__(self, registration: Registration):
        super().__init__(
            _(
                "You are already registered for this meeting. To change or cancel, use the "
                "link in your confirmation email."
            ),
            code="duplicate",
        )
        self.registration = registration


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
    language: str = "nl",
) -> Registration:
    """Register someone (and the people who come with them) for a meeting.

    They get a place while the whole party fits, otherwise they all join the waiting list.
    Raises ValidationError when registration is closed, when they are registered already, or when
    the input is incomplete.
    """
    meeting = lock_meeting(meeting)
    now = timezone.now()
    first_name = " ".join(first_name.split())
    email = email.strip().lower()
    phone = " ".join(phone.split())
    language = language if language in LANGUAGES else Person.Language.DUTCH
    companion_names = _clean_companions(companions)
    if not consent:
        raise ValidationError({"consent": _("We need your permission to register you.")})
    if not first_name:
        raise ValidationError({"first_name": _("Fill in a first name.")})
    if not (email or phone) and source != Source.WALK_IN:
        raise ValidationError({"email": _("Fill in an email address or a phone number.")})
    if registration_is_closed(meeting, source=source, now=now):
        raise _closed_error()
    if meeting.capacity() == 0 and source != Source.WALK_IN:
        raise ValidationError(
            _("The tables for this meeting are still being planned. Registration opens soon."),
            code="not-yet",
        )
    if channel is not None and channel.series_id != meeting.series_id:
        channel = None

    organisation = meeting.organisation
    if email or phone:
        person = _find_or_create_person(
            meeting=meeting,
            organisation=organisation,
            first_name=first_name,
            email=email,
            phone=phone,
            language=language,
            trusted=getattr(registered_by, "is_authenticated", False),
        )
    else:
        person = Person.objects.create(
            organisation=organisation, first_name=first_name, language=language
        )

    registration = (
        Registration.objects.select_for_update().filter(meeting=meeting, person=person).first()
    )
    if registration is not None and registration.status != Status.CANCELLED:
        raise AlreadyRegistered(registration)

    # People already in line go first when places have come free (for example a new table).
    promote_from_waiting_list(meeting=meeting)
    party_size = 1 + len(companion_names)
    fits = confirmed_count(meeting) + party_size <= meeting.capacity()
    status = Status.CONFIRMED if fits else Status.WAITING
    shared = {
        "status": status,
        "waiting_since": None if fits else now,
        "channel": channel,
        "source": source,
        "registered_by": registered_by
        if getattr(registered_by, "is_authenticated", False)
        else None,
        "consent_at": now,
        "consent_version": CONSENT_VERSION,
    }
    facts = {
        "age_group": age_group,
        "relation": relation,
        "languages": " ".join(languages.split()),
        "access_needs": access_needs.strip(),
        "first_time": first_time,
    }
    if registration is None:
        registration = Registration(meeting=meeting, person=person, **shared, **facts)
    else:
        # Registering again after cancelling: the same row, as if it were new.
        for name, value in {**shared, **facts}.items():
            setattr(registration, name, value)
        registration.promoted_at = None
        registration.cancelled_at = None
        registration.table = None
        registration.table_locked = False
        registration.checked_in_at = None
        registration.reminder_sent_at = None
    registration.full_clean(exclude=["meeting", "person", "channel", "registered_by", "table"])
    registration.save()
    audit.record(
        actor=registered_by,
        actor_label=_label(registered_by, "registration form"),
        action="registration.created",
        subject=registration,
        payload={
            "status": status,
            "source": source,
            "channel": channel.pk if channel else None,
            "companions": len(companion_names),
        },
    )
    for name in companion_names:
        _add_companion(lead=registration, first_name=name, actor=registered_by)

    _after_registering(registration)
    if status == Status.CONFIRMED:
        signals.announce_confirmed(registration)
    return registration


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

    original = {name: getattr(registration, name) for name in FACT_FIELDS}
    new_facts = {
        "age_group": age_group,
        "relation": relation,
        "languages": languages if languages is UNCHANGED else " ".join(languages.split()),
        "access_needs": access_needs if access_needs is UNCHANGED else access_needs.strip(),
        "first_time": first_time,
    }
    for name, value in new_facts.items():
        if value is not UNCHANGED:
            setattr(registration, name, value)
    registration.full_clean(exclude=["meeting", "person", "channel", "registered_by", "table"])
    changed = list(audit.changed_fields(registration, original, FACT_FIELDS))
    if changed:
        registration.save(update_fields=[*changed, "updated_at"])

    added = removed = renamed = 0
    if companions is not None and registration.party_lead_id is None:
        names = _clean_companions(companions)
        current = active_companions(registration)
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
            if registration_is_closed(meeting, source=registration.source):
                raise ValidationError({"companions": _closed_error().messages[0]})
            if registration.status == Status.CONFIRMED:
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
            for name in extra:
                _add_companion(lead=registration, first_name=name, actor=actor)
                added += 1

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
        promote_from_waiting_list(meeting=meeting)
    return registration


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
