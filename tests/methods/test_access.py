"""Every method page, allowed and denied, for every persona.

Anyone with a role may read the shipped methods and their own organisation's methods (and print
them); only the organisation's organisers copy and adapt. Shipped methods are read-only for all.
A resident has no login, so the resident is the anonymous visitor here."""

import pytest
from django.urls import reverse

from tests.conftest import PERSONAS, expect_denied
from wijkdialoog.methods.models import Method

MEMBERS = {"organiser", "facilitator", "partner", "trainer"}
READ_PAGES = ["method-detail", "method-guide", "method-table-cards"]
MANAGE_METHOD_PAGES = ["method-edit", "phase-create"]
MANAGE_PHASE_PAGES = ["phase-edit", "phase-delete"]


WITH_A_ROLE = {*MEMBERS, "outsider"}


def test_everyone_with_a_role_sees_the_library(assert_access, shipped_methods):
    assert_access(reverse("method-list"), allowed=WITH_A_ROLE)


def test_someone_without_any_role_may_not_see_the_library(client, organisation, shipped_methods):
    from tests.builders import make_membership

    membership = make_membership(
        organisation, "facilitator", first_name="Ex", email="ex@example.org"
    )
    membership.is_active = False
    membership.save()
    client.force_login(membership.person.user)

    assert client.get(reverse("method-list")).status_code == 403


@pytest.mark.parametrize("name", READ_PAGES)
def test_everyone_with_a_role_reads_and_prints_the_shipped_methods(
    assert_access, name, waarderende_dialoog
):
    assert_access(reverse(name, args=[waarderende_dialoog.pk]), allowed=WITH_A_ROLE)


@pytest.mark.parametrize("name", READ_PAGES)
def test_only_the_organisation_reads_and_prints_its_own_methods(assert_access, name, own_method):
    assert_access(reverse(name, args=[own_method.pk]), allowed=MEMBERS)


@pytest.mark.parametrize("name", MANAGE_METHOD_PAGES)
def test_only_organisers_of_the_organisation_adapt_its_methods(assert_access, name, own_method):
    assert_access(reverse(name, args=[own_method.pk]), allowed={"organiser"})


@pytest.mark.parametrize("name", MANAGE_PHASE_PAGES)
def test_only_organisers_of_the_organisation_adapt_its_phases(assert_access, name, own_method):
    phase = own_method.phases.first()
    assert_access(reverse(name, args=[phase.pk]), allowed={"organiser"})


@pytest.mark.parametrize("persona", PERSONAS)
def test_nobody_changes_a_shipped_method(client_for, persona, waarderende_dialoog):
    client = client_for(persona)
    phase = waarderende_dialoog.phases.get(position=2)
    for name in MANAGE_METHOD_PAGES:
        expect_denied(client.get(reverse(name, args=[waarderende_dialoog.pk])), persona)
        expect_denied(client.post(reverse(name, args=[waarderende_dialoog.pk]), {}), persona)
    for name in MANAGE_PHASE_PAGES:
        expect_denied(client.get(reverse(name, args=[phase.pk])), persona)
        expect_denied(client.post(reverse(name, args=[phase.pk])), persona)
    move = client.post(reverse("phase-move", args=[phase.pk]), {"direction": "up"})
    expect_denied(move, persona)
    waarderende_dialoog.refresh_from_db()
    assert waarderende_dialoog.phases.get(position=2).pk == phase.pk
    assert waarderende_dialoog.phases.count() == 6


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_organisers_change_an_own_method_through_a_post(client_for, persona, own_method):
    client = client_for(persona)
    phase = own_method.phases.get(position=2)
    data = {"name": "Overgenomen", "summary": "", "conversation_rules": ""}
    response = client.post(reverse("method-edit", args=[own_method.pk]), data)
    move = client.post(reverse("phase-move", args=[phase.pk]), {"direction": "up"})
    delete = client.post(reverse("phase-delete", args=[phase.pk]))
    if persona == "organiser":
        assert response.status_code == move.status_code == delete.status_code == 302
    else:
        for answer in (response, move, delete):
            expect_denied(answer, persona)
        assert Method.objects.get(pk=own_method.pk).name != "Overgenomen"
        assert own_method.phases.count() == 6


@pytest.mark.parametrize("persona", PERSONAS)
def test_organisers_copy_a_shipped_method_into_their_own_organisation(
    client_for, persona, waarderende_dialoog, organisation, other_organisation
):
    response = client_for(persona).post(reverse("method-copy", args=[waarderende_dialoog.pk]))
    copies = Method.objects.filter(based_on=waarderende_dialoog)
    if persona == "organiser":
        assert response.status_code == 302
        assert copies.get().organisation == organisation
        assert response["Location"] == reverse("method-detail", args=[copies.get().pk])
    elif persona == "outsider":
        assert response.status_code == 302
        assert copies.get().organisation == other_organisation
    else:
        expect_denied(response, persona)
        assert not copies.exists()


def test_an_outsider_cannot_copy_another_organisations_method(client_for, own_method):
    response = client_for("outsider").post(reverse("method-copy", args=[own_method.pk]))

    assert response.status_code == 403
    assert not Method.objects.filter(based_on=own_method).exists()


def test_copying_answers_only_to_a_post(client_for, waarderende_dialoog):
    response = client_for("organiser").get(reverse("method-copy", args=[waarderende_dialoog.pk]))

    assert response.status_code == 405
