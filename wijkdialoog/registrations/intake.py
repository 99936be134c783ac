"""Intake: who is registering. One path for the sign-up form, a volunteer on the phone and a
walk-in at the door: tidy what was typed, then find the organisation's record of the person or
add one, and find any earlier registration of theirs for the meeting."""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Value
from django.db.models.functions import Replace
from django.utils.translation import gettext as _

from wijkdialoog.community.models import Organisation, Person
from wijkdialoog.dialogues.models import Meeting

from .models import Registration

Status = Registration.Status
LANGUAGES = {code for code, _label in Person.Language.choices}


@dataclass(frozen=True)
class Contact:
    """What someone typed about who they are, tidied."""

    first_name: str
    email: str = ""
    phone: str = ""


def tidy_contact(*, first_name: str, email: str = "", phone: str = "") -> Contact:
    """Single spaces in names and numbers, email addresses in lower case. Raises ValidationError
    without a first name."""
    contact = Contact(
        first_name=" ".join(first_name.split()),
        email=email.strip().lower(),
        phone=" ".join(phone.split()),
    )
    if not contact.first_name:
        raise ValidationError({"first_name": _("Fill in a first name.")})
    return contact


def earlier_registration(*, meeting: Meeting, person: Person) -> Registration | None:
    """This person's registration for the meeting (of any status), locked for the change."""
    return Registration.objects.select_for_update().filter(meeting=meeting, person=person).first()


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


def find_or_add_person(
    *,
    meeting: Meeting,
    contact: Contact,
    language: str = "",
    trusted: bool,
) -> Person:
    """Find or add the person. Anyone can type anything into the public form, so there
    (`trusted=False`) a given email address is the only match, a phone number only matches a
    record without email (see `_match_for_public_form`), and a known record is never changed.
    A volunteer who registers someone, on the phone or at the door (`trusted=True`), may fill in
    what was missing. Without email or phone there is nothing to match: a new record."""
    organisation = meeting.organisation
    if not (contact.email or contact.phone):
        person = None
    elif trusted:
        person = find_person(
            organisation=organisation,
            email=contact.email,
            phone=contact.phone,
            first_name=contact.first_name,
        )
    elif contact.email:
        person = find_person(organisation=organisation, email=contact.email)
    else:
        person = _match_for_public_form(
            meeting=meeting,
            organisation=organisation,
            first_name=contact.first_name,
            phone=contact.phone,
        )
    if person is None:
        # A new record has nothing missing; one added at the same moment may.
        person = _add_person(organisation=organisation, contact=contact, language=language)
    if trusted:
        _fill_in(person, contact=contact, language=language)
    return person


def _add_person(*, organisation: Organisation, contact: Contact, language: str) -> Person:
    person = Person(
        organisation=organisation,
        first_name=contact.first_name,
        email=contact.email,
        phone=contact.phone,
        language=language if language in LANGUAGES else Person.Language.DUTCH,
    )
    try:
        with transaction.atomic():
            person.save()
    except IntegrityError:
        # Someone with this address was added at the same moment (for another meeting).
        return Person.objects.get(organisation=organisation, email__iexact=contact.email)
    return person


def _fill_in(person: Person, *, contact: Contact, language: str) -> None:
    """Fill in what was missing, and remember the language they used this time."""
    changed = []
    if contact.email and not person.email:
        person.email = contact.email
        changed.append("email")
    if contact.phone and not person.phone:
        person.phone = contact.phone
        changed.append("phone")
    if language in LANGUAGES and person.language != language:
        person.language = language
        changed.append("language")
    if changed:
        person.save(update_fields=[*changed, "updated_at"])


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
