"""Small builders for test data: plain functions, no factory library."""

import datetime
import itertools

from django.utils import timezone

from wijkdialoog.community.models import Membership, Organisation, Person, User

_sequence = itertools.count(1)


def make_organisation(name=None, slug=None) -> Organisation:
    n = next(_sequence)
    return Organisation.objects.create(
        name=name or f"Organisatie {n}",
        slug=slug or f"organisatie-{n}",
        privacy_email=f"privacy{n}@example.org",
    )


def make_person(organisation, first_name="Rita", email="", user=None, **extra) -> Person:
    return Person.objects.create(
        organisation=organisation, first_name=first_name, email=email, user=user, **extra
    )


def make_membership(
    organisation,
    role,
    *,
    first_name,
    email,
    trained=False,
    password="a-long-test-password",
    **extra,
) -> Membership:
    user = User.objects.filter(email=email).first() or User.objects.create_user(
        email=email, password=password
    )
    person = make_person(organisation, first_name=first_name, email=email, user=user)
    trained_since = timezone.localdate() - datetime.timedelta(days=100) if trained else None
    return Membership.objects.create(person=person, role=role, trained_since=trained_since, **extra)
