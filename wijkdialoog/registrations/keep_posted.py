""" "Houd me op de hoogte": people who asked at sign-up to hear what happens with the results.

The consent is stored with the registration (`keep_me_posted_at`), for the dialogue it was
given for. Each mail carries an opt-out link with a signed token of the person: no login, no
stored secret, and it keeps working. Opting out clears the consent on all their registrations.
"""

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from wijkdialoog.community.models import Person
from wijkdialoog.core import audit
from wijkdialoog.dialogues.models import Meeting

from .models import Registration

SALT = "registrations.keep-posted.opt-out"


def opt_out_token(person: Person) -> str:
    return signing.dumps(person.pk, salt=SALT, compress=True)


def opt_out_url(person: Person) -> str:
    return settings.SITE_URL + reverse("keep-posted-opt-out", args=[opt_out_token(person)])


def person_for_token(token: str) -> Person | None:
    """The person whose opt-out link this is; None for a changed or made-up token."""
    try:
        pk = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(pk, int):
        return None
    return Person.objects.filter(pk=pk).first()


def is_kept_posted(person: Person) -> bool:
    return Registration.objects.filter(person=person, keep_me_posted_at__isnull=False).exists()


def people_kept_posted(meetings: QuerySet[Meeting]) -> QuerySet[Person]:
    """Distinct people with an email address who asked to be kept posted when they signed up
    for one of these meetings, and did not cancel."""
    registrations = Registration.objects.filter(
        meeting__in=meetings, keep_me_posted_at__isnull=False
    ).exclude(status=Registration.Status.CANCELLED)
    return (
        Person.objects.filter(pk__in=registrations.values("person_id"))
        .exclude(email="")
        .order_by("pk")
    )


@transaction.atomic
def opt_out(*, person: Person) -> int:
    """Stop the mail about results for this person; the number of registrations it cleared."""
    cleared = Registration.objects.filter(person=person, keep_me_posted_at__isnull=False).update(
        keep_me_posted_at=None, updated_at=timezone.now()
    )
    if cleared:
        audit.record(
            actor=None,
            actor_label="opt-out link",
            action="registration.keep_posted_stopped",
            subject=person,
            payload={"registrations": cleared},
        )
    return cleared
