"""Named domain functions for people and neighbourhoods."""

from django.db import transaction

from wijkdialoog.core import audit
from wijkdialoog.core.audit import changed_fields

from .models import Neighbourhood, Organisation, Person

PERSON_FIELDS = ("first_name", "last_name", "email", "phone", "language", "neighbourhood_id")
NEIGHBOURHOOD_FIELDS = ("name", "slug", "kind", "municipality", "cbs_code", "description")
ORGANISATION_CONTACT_FIELDS = ("phone", "contact_email")


def _normalise(person: Person) -> None:
    person.email = person.email.strip().lower()
    person.phone = " ".join(person.phone.split())


@transaction.atomic
def create_person(*, organisation: Organisation, actor, **fields) -> Person:
    person = Person(organisation=organisation, **fields)
    _normalise(person)
    person.full_clean()
    person.save()
    audit.record(actor=actor, action="person.created", subject=person)
    return person


@transaction.atomic
def update_person(*, person: Person, actor, **changes) -> Person:
    """Change a person's details, given as keyword arguments."""
    person, original = audit.stored_with_changes(person, changes, PERSON_FIELDS)
    _normalise(person)
    changes = changed_fields(person, original, PERSON_FIELDS)
    person.save()
    if changes:
        # Contact details are personal data: log which fields changed, not their values.
        audit.record(
            actor=actor, action="person.changed", subject=person, payload={"fields": list(changes)}
        )
    return person


@transaction.atomic
def create_neighbourhood(*, organisation: Organisation, actor, **fields) -> Neighbourhood:
    neighbourhood = Neighbourhood(organisation=organisation, **fields)
    neighbourhood.full_clean()
    neighbourhood.save()
    audit.record(actor=actor, action="neighbourhood.created", subject=neighbourhood)
    return neighbourhood


@transaction.atomic
def update_neighbourhood(*, neighbourhood: Neighbourhood, actor, **changes) -> Neighbourhood:
    neighbourhood, original = audit.stored_with_changes(
        neighbourhood, changes, NEIGHBOURHOOD_FIELDS
    )
    changes = changed_fields(neighbourhood, original, NEIGHBOURHOOD_FIELDS)
    neighbourhood.save()
    if changes:
        audit.record(
            actor=actor, action="neighbourhood.changed", subject=neighbourhood, payload=changes
        )
    return neighbourhood


@transaction.atomic
def update_organisation_contact(*, organisation: Organisation, actor, **changes):
    """Change the public phone and email; the log says which fields changed, not the values (an
    organisation's contact is no personal data, but it may be a volunteer's own number)."""
    organisation, original = audit.stored_with_changes(
        organisation, changes, ORGANISATION_CONTACT_FIELDS
    )
    changes = changed_fields(organisation, original, ORGANISATION_CONTACT_FIELDS)
    organisation.save(update_fields=[*ORGANISATION_CONTACT_FIELDS, "updated_at"])
    if changes:
        audit.record(
            actor=actor,
            action="organisation.contact_changed",
            subject=organisation,
            payload={"fields": sorted(changes)},
        )
    return organisation
