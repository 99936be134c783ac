"""Residents change how we call and reach them through their personal link. A new email
address counts only once confirmed from that address, with a signed link that expires: no
table of pending changes is needed, and a link stops working once the address has changed."""

import datetime

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from wijkdialoog.community.models import Person
from wijkdialoog.core import audit

from .models import Registration

EMAIL_CONFIRMATION_SALT = "wijkdialoog.registrations.email-change"
EMAIL_CONFIRMATION_MAX_AGE = datetime.timedelta(days=2)
VIA = "manage link"


@transaction.atomic
def change_contact_details(
    *, registration: Registration, first_name: str, email: str, phone: str
) -> str:
    """Change the first name and phone number at once, and ask for confirmation of a new email
    address. Returns the address a confirmation link went to, or "" when none was needed.
    Emptying the email address counts at once (as long as a phone number is left).

    A personal link controls its own registration only: when the record has other registrations
    too, the change moves this registration onto a record of its own (see `_needs_own_record`)."""
    person = Person.objects.select_for_update().get(pk=registration.person_id)
    first_name = " ".join(first_name.split())
    phone = " ".join(phone.split())
    email = email.strip().lower()
    if not first_name:
        raise ValidationError({"first_name": _("Fill in a first name.")})
    if not (email or phone):
        raise ValidationError({"email": _("Fill in an email address or a phone number.")})
    changed = []
    if person.first_name != first_name:
        changed.append("first_name")
    if person.phone != phone:
        changed.append("phone")
    confirm_to = ""
    if email != person.email.lower():
        if email:
            confirm_to = email
        else:
            changed.append("email")
    if changed and _needs_own_record(
        registration, person, keeps_email=email == person.email.lower()
    ):
        person = _move_to_own_record(
            registration=registration, shared=person, first_name=first_name, phone=phone
        )
    elif changed:
        person.first_name, person.phone = first_name, phone
        if "email" in changed:
            person.email = ""
        person.save(update_fields=[*changed, "updated_at"])
    if changed or confirm_to:
        audit.record(
            actor=None,
            actor_label=VIA,
            action="person.contact_changed",
            subject=person,
            payload={"fields": changed, "email_confirmation_sent": bool(confirm_to)},
        )
    if confirm_to:
        token = email_confirmation_token(registration=registration, person=person, email=email)
        _send_confirmation(registration, confirm_to, token)
    return confirm_to


def _needs_own_record(registration: Registration, person: Person, *, keeps_email: bool) -> bool:
    """Whether a change through this registration's link must leave the record alone: it has
    other registrations, whose mail would follow the change. A record whose email address stays
    is changed in place: its mail keeps going to that address, where the link was sent."""
    if person.email and keeps_email:
        return False
    return (
        Registration.objects.filter(person=person)
        .exclude(pk=registration.pk)
        .exclude(party_lead=registration)
        .exists()
    )


def _move_to_own_record(
    *, registration: Registration, shared: Person, first_name: str, phone: str, email: str = ""
) -> Person:
    """Give this registration a record of its own with the new details; the shared record and
    its other registrations stay as they are (the companions keep their lead)."""
    own = Person.objects.create(
        organisation_id=shared.organisation_id,
        first_name=first_name,
        phone=phone,
        email=email,
        language=shared.language,
    )
    registration.person = own
    registration.save(update_fields=["person", "updated_at"])
    audit.record(
        actor=None,
        actor_label=VIA,
        action="registration.moved_to_own_record",
        subject=registration,
        payload={"from_person": shared.pk, "to_person": own.pk},
    )
    return own


def _send_confirmation(registration: Registration, email: str, token: str) -> None:
    from .tasks import send_email_confirmation

    send_email_confirmation.enqueue(registration.pk, email, token)


def _send_notice(registration: Registration, old_email: str) -> None:
    from .tasks import send_email_changed

    send_email_changed.enqueue(registration.pk, old_email)


def email_confirmation_token(*, registration: Registration, person: Person, email: str) -> str:
    """Signed, so it cannot be made up; it names the current address, so it works only once."""
    return signing.dumps(
        {"r": registration.pk, "p": person.pk, "old": person.email, "new": email},
        salt=EMAIL_CONFIRMATION_SALT,
        compress=True,
    )


def read_email_confirmation(token: str) -> dict | None:
    """The change a confirmation link asks for, or None when it is forged or too old."""
    try:
        return signing.loads(
            token, salt=EMAIL_CONFIRMATION_SALT, max_age=EMAIL_CONFIRMATION_MAX_AGE
        )
    except signing.BadSignature:
        return None


@transaction.atomic
def confirm_email_change(*, token: str) -> Registration:
    """Make the new email address count. Raises ValidationError when the link is forged, too
    old, used already, or when the address belongs to someone else here."""
    data = read_email_confirmation(token)
    invalid = ValidationError(
        _("This confirmation link no longer works. Change your email address again."),
        code="invalid",
    )
    if data is None:
        raise invalid
    person = Person.objects.select_for_update().filter(pk=data["p"]).first()
    registration = Registration.objects.filter(pk=data["r"], person_id=data["p"]).first()
    if person is None or registration is None or person.email != data["old"]:
        raise invalid
    taken = (
        Person.objects.filter(organisation_id=person.organisation_id, email__iexact=data["new"])
        .exclude(pk=person.pk)
        .exists()
    )
    if taken:
        raise ValidationError(
            _(
                "This email address is already used for someone else here. Ask the organiser "
                "to put your details together."
            ),
            code="taken",
        )
    if _needs_own_record(registration, person, keeps_email=False):
        person = _move_to_own_record(
            registration=registration,
            shared=person,
            first_name=person.first_name,
            phone=person.phone,
            email=data["new"],
        )
    else:
        person.email = data["new"]
        person.save(update_fields=["email", "updated_at"])
    if data["old"]:
        # The old address hears of it, so a hijacked personal link does not go unnoticed.
        _send_notice(registration, data["old"])
    audit.record(
        actor=None,
        actor_label=VIA,
        action="person.email_confirmed",
        subject=person,
        payload={"fields": ["email"]},
    )
    return registration
