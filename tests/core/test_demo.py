"""`wijkdialoog demo`: loads a fictional organisation, resets on a second run, and never touches a
database that holds a real organisation."""

import pytest
from django.core.management import CommandError, call_command

from tests.builders import make_organisation
from wijkdialoog.community.demo import DEMO_SLUG
from wijkdialoog.community.models import Membership, Neighbourhood, Organisation, Person, User
from wijkdialoog.core.demo_support import DEMO_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Organisation, Neighbourhood, Person, Membership, User)
    }


def test_the_demo_loads_an_organisation_with_people_in_every_role(capsys):
    call_command("demo", no_serve=True)
    organisation = Organisation.objects.get()
    assert organisation.slug == DEMO_SLUG
    assert organisation.neighbourhoods.count() == 2
    active = Membership.objects.filter(person__organisation=organisation, is_active=True)
    assert active.filter(role="organiser").count() >= 2
    assert active.filter(role="trainer").exists()
    facilitators = active.filter(role="facilitator")
    assert facilitators.filter(trained_since__isnull=False).exists()
    assert facilitators.filter(trained_since__isnull=True).exists()
    assert all(m.trained_by for m in facilitators.filter(trained_since__isnull=False))
    partners = active.filter(role="partner")
    assert partners.count() >= 2
    assert all(p.partner_kind and p.partner_organisation for p in partners)
    # Residents: known people without a login.
    assert organisation.people.filter(user__isnull=True, memberships__isnull=True).count() >= 10
    output = capsys.readouterr().out
    assert "organisator@demo.wijkdialoog.nl" in output
    assert DEMO_PASSWORD in output


def test_the_demo_logins_work_with_the_demo_password(client):
    call_command("demo", no_serve=True)
    for email, landing in [
        ("organisator@demo.wijkdialoog.nl", "/beheer/"),
        ("begeleider@demo.wijkdialoog.nl", "/mijn/"),
        ("partner@demo.wijkdialoog.nl", "/mijn/"),
        ("trainer@demo.wijkdialoog.nl", "/mijn/"),
    ]:
        client.logout()
        response = client.post("/inloggen/", {"username": email, "password": DEMO_PASSWORD})
        assert response.status_code == 302, email
        assert client.get(response["Location"])["Location"] == landing


def test_a_second_run_resets_the_demo_instead_of_adding_to_it():
    call_command("demo", no_serve=True)
    first = counts()
    organisation = Organisation.objects.get()
    Person.objects.create(organisation=organisation, first_name="Extra")
    call_command("demo", no_serve=True)
    assert counts() == first
    assert not Person.objects.filter(first_name="Extra").exists()


def test_the_demo_refuses_a_database_with_a_real_organisation():
    make_organisation(name="Echte Stichting", slug="echte-stichting")
    with pytest.raises(CommandError, match="real organisations"):
        call_command("demo", no_serve=True)
    assert list(Organisation.objects.values_list("slug", flat=True)) == ["echte-stichting"]
    assert not Person.objects.exists()


def test_the_demo_refuses_a_database_with_a_real_organisation_next_to_the_demo():
    call_command("demo", no_serve=True)
    before = counts()
    make_organisation(name="Echte Stichting", slug="echte-stichting")
    with pytest.raises(CommandError):
        call_command("demo", no_serve=True)
    assert Organisation.objects.filter(slug="echte-stichting").exists()
    assert counts()["Person"] == before["Person"]
