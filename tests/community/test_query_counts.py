"""List pages run a fixed number of queries, however many rows they show."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.builders import make_membership, make_person
from wijkdialoog.community import roles
from wijkdialoog.community.models import Membership, Neighbourhood

ROLES = ["facilitator", "partner", "trainer", "organiser"]


def add_people(organisation, trainer, start, count):
    """People with a neighbourhood and a role each; facilitators partly trained by the trainer."""
    neighbourhoods = list(organisation.neighbourhoods.all())
    for n in range(start, start + count):
        role = ROLES[n % len(ROLES)]
        extra = (
            {"partner_kind": "zorg", "partner_organisation": "Zorg"} if role == "partner" else {}
        )
        membership = make_membership(
            organisation, role, first_name=f"Persoon{n:03}", email=f"p{n}@example.org", **extra
        )
        person = membership.person
        person.neighbourhood = neighbourhoods[n % len(neighbourhoods)]
        person.save()
        if role == "facilitator" and n % 2:
            membership.trained_since = timezone.localdate() - datetime.timedelta(days=n)
            membership.trained_by = trainer.person
            membership.save()
        make_person(organisation, first_name=f"Bewoner{n:03}", neighbourhood=person.neighbourhood)


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


@pytest.fixture
def crowded(organisation, trainer):
    for name in ("Oost", "West", "Noord"):
        Neighbourhood.objects.create(organisation=organisation, name=name, slug=name.lower())

    def grow(count):
        start = Membership.objects.count()
        add_people(organisation, trainer, start, count)

    return grow


# (page, persona, most queries). The dashboard also shows other apps' summaries.
PAGES = [
    ("dashboard", "organiser", 14),
    ("person-list", "organiser", 8),
    ("role-list", "organiser", 6),
    ("training-list", "organiser", 6),
    ("training-list", "trainer", 8),
]


@pytest.mark.parametrize(("name", "persona", "limit"), PAGES)
def test_a_list_page_runs_the_same_queries_for_five_or_thirty_people(
    client_for, crowded, name, persona, limit, django_assert_max_num_queries
):
    client = client_for(persona)
    url = reverse(name)
    crowded(5)
    few = queries(client, url)
    crowded(25)
    many = queries(client, url)
    assert many == few, f"{url}: {few} queries for 5 people, {many} for 30"
    with django_assert_max_num_queries(limit):
        client.get(url)


def test_the_person_list_shows_everyone_with_their_roles(client_for, crowded, organisation):
    crowded(20)  # 42 people with the organiser and the trainer: one page
    content = client_for("organiser").get(reverse("person-list")).content.decode()
    assert (
        content.count('class="wd-badge"')
        == Membership.objects.filter(person__organisation=organisation, is_active=True).count()
    )


def test_the_person_list_is_split_into_pages_of_fifty(client_for, crowded):
    crowded(30)  # 30 with a role and 30 residents, plus the organiser and the trainer
    client = client_for("organiser")
    first = client.get(reverse("person-list")).context["page"]
    second = client.get(reverse("person-list"), {"page": 2}).context["page"]
    assert (len(first.object_list), len(second.object_list)) == (50, 12)


def test_the_history_on_a_person_page_does_not_query_once_per_entry(
    client_for, organisation, facilitator
):
    client = client_for("organiser")
    url = reverse("person-detail", args=[facilitator.person.pk])

    def toggle_by_new_organisers(prefix, count):
        for n in range(count):
            actor = make_membership(
                organisation, "organiser", first_name=prefix, email=f"{prefix}{n}@example.org"
            ).person.user
            roles.set_membership_active(membership=facilitator, actor=actor, active=False)
            roles.set_membership_active(membership=facilitator, actor=actor, active=True)

    toggle_by_new_organisers("een", 1)
    queries(client, url)  # warms the content type cache
    few = queries(client, url)
    toggle_by_new_organisers("meer", 6)
    assert queries(client, url) == few
