"""Domain functions for people and neighbourhoods: each change writes the audit log in the same
transaction, so there is never a change without its audit entry, nor an entry without a change."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse

from tests.builders import make_person
from wijkdialoog.community import people
from wijkdialoog.community.models import Neighbourhood, Person
from wijkdialoog.core import audit
from wijkdialoog.core.models import AuditEntry


def entries(action):
    return list(AuditEntry.objects.filter(action=action))


@pytest.fixture
def failing_audit(monkeypatch):
    """Makes writing the audit entry fail, as a full disk or a lost connection would."""

    def fail(**kwargs):
        raise IntegrityError("the audit log could not be written")

    monkeypatch.setattr(audit.AuditEntry.objects, "create", fail)


def test_creating_a_person_writes_an_audit_entry_with_the_actor(organisation, organiser):
    person = people.create_person(
        organisation=organisation,
        actor=organiser.person.user,
        first_name="Anneke",
        email=" Anneke@Example.org ",
        phone="06  1234 5678",
    )
    assert (person.email, person.phone) == ("anneke@example.org", "06 1234 5678")
    [entry] = entries("person.created")
    assert entry.subject == person
    assert entry.actor == organiser.person.user


def test_a_person_is_not_created_when_the_audit_entry_cannot_be_written(
    organisation, organiser, failing_audit
):
    with pytest.raises(IntegrityError):
        people.create_person(
            organisation=organisation, actor=organiser.person.user, first_name="Anneke"
        )
    assert not Person.objects.filter(first_name="Anneke").exists()


def test_a_person_that_fails_validation_leaves_no_audit_entry(organisation, organiser):
    make_person(organisation, first_name="Rita", email="rita@example.org")
    with pytest.raises(ValidationError):
        people.create_person(
            organisation=organisation,
            actor=organiser.person.user,
            first_name="Rita",
            email="RITA@example.org",
        )
    assert entries("person.created") == []


def test_changing_a_person_logs_which_fields_changed_but_not_their_values(
    organisation, organiser, resident
):
    people.update_person(
        person=resident, actor=organiser.person.user, phone="06 11112222", last_name="Smit"
    )
    [entry] = entries("person.changed")
    assert sorted(entry.payload["fields"]) == ["last_name", "phone"]
    assert "06 11112222" not in str(entry.payload)
    assert "Smit" not in str(entry.payload)


def test_saving_a_person_without_changes_writes_no_audit_entry(organisation, organiser, resident):
    people.update_person(person=resident, actor=organiser.person.user)
    assert entries("person.changed") == []


def test_a_change_to_a_person_that_the_database_refuses_leaves_no_audit_entry(
    organisation, organiser, resident
):
    make_person(organisation, first_name="Bea", email="bea@example.org")
    with pytest.raises(IntegrityError):
        people.update_person(person=resident, actor=organiser.person.user, email="bea@example.org")
    assert entries("person.changed") == []


def test_a_person_change_is_undone_when_the_audit_entry_cannot_be_written(
    organisation, organiser, resident, failing_audit
):
    with pytest.raises(IntegrityError):
        people.update_person(person=resident, actor=organiser.person.user, last_name="Smit")
    resident.refresh_from_db()
    assert resident.last_name == ""


def test_creating_a_neighbourhood_writes_an_audit_entry(organisation, organiser):
    neighbourhood = people.create_neighbourhood(
        organisation=organisation,
        actor=organiser.person.user,
        name="Rietveld",
        slug="rietveld",
        kind="dorp",
        cbs_code="WK036301",
    )
    [entry] = entries("neighbourhood.created")
    assert entry.subject == neighbourhood


def test_a_neighbourhood_with_a_bad_cbs_code_is_refused_and_leaves_no_audit_entry(
    organisation, organiser
):
    with pytest.raises(ValidationError):
        people.create_neighbourhood(
            organisation=organisation,
            actor=organiser.person.user,
            name="Rietveld",
            slug="rietveld",
            cbs_code="12345",
        )
    assert not Neighbourhood.objects.exists()
    assert entries("neighbourhood.created") == []


def test_a_neighbourhood_is_not_created_when_the_audit_entry_cannot_be_written(
    organisation, organiser, failing_audit
):
    with pytest.raises(IntegrityError):
        people.create_neighbourhood(
            organisation=organisation, actor=organiser.person.user, name="Oost", slug="oost"
        )
    assert not Neighbourhood.objects.exists()


def test_changing_a_neighbourhood_logs_old_and_new_values(organisation, organiser, neighbourhood):
    people.update_neighbourhood(
        neighbourhood=neighbourhood, actor=organiser.person.user, name="Kersenbuurt-Noord"
    )
    [entry] = entries("neighbourhood.changed")
    assert entry.payload == {"name": ["Kersenbuurt", "Kersenbuurt-Noord"]}


def test_a_neighbourhood_change_that_the_database_refuses_leaves_no_audit_entry(
    organisation, organiser, neighbourhood
):
    other = Neighbourhood.objects.create(organisation=organisation, name="Oost", slug="oost")
    with pytest.raises(IntegrityError):
        people.update_neighbourhood(
            neighbourhood=other, actor=organiser.person.user, slug=neighbourhood.slug
        )
    assert entries("neighbourhood.changed") == []


def test_a_neighbourhood_change_is_undone_when_the_audit_entry_cannot_be_written(
    organisation, organiser, neighbourhood, failing_audit
):
    with pytest.raises(IntegrityError):
        people.update_neighbourhood(
            neighbourhood=neighbourhood, actor=organiser.person.user, name="Anders"
        )
    neighbourhood.refresh_from_db()
    assert neighbourhood.name == "Kersenbuurt"


def test_the_organiser_adds_a_person_through_the_page(client_for, organisation, neighbourhood):
    response = client_for("organiser").post(
        reverse("person-create"),
        {
            "first_name": "Anneke",
            "last_name": "Smit",
            "email": "anneke@example.org",
            "phone": "06 12345678",
            "language": "nl",
            "neighbourhood": neighbourhood.pk,
        },
    )
    person = Person.objects.get(first_name="Anneke")
    assert response["Location"] == reverse("person-detail", args=[person.pk])
    assert person.organisation == organisation
    assert person.neighbourhood == neighbourhood
    assert person.user is None
    assert len(entries("person.created")) == 1


def test_the_organiser_searches_people_by_name_email_or_phone(client_for, organisation, resident):
    make_person(organisation, first_name="Bram", email="bram@example.org", phone="06 55554444")
    client = client_for("organiser")
    for query in ("bram", "BRAM@example", "5555"):
        page = client.get(reverse("person-list"), {"q": query}).context["page"]
        assert [p.first_name for p in page.object_list] == ["Bram"]


def test_a_person_cannot_be_placed_in_a_neighbourhood_of_another_organisation(
    client_for, other_organisation
):
    elsewhere = Neighbourhood.objects.create(
        organisation=other_organisation, name="Elders", slug="elders"
    )
    response = client_for("organiser").post(
        reverse("person-create"),
        {"first_name": "Anneke", "language": "nl", "neighbourhood": elsewhere.pk},
    )
    assert response.status_code == 200
    assert 'id="id_neighbourhood_error"' in response.content.decode()
    assert not Person.objects.filter(first_name="Anneke").exists()
