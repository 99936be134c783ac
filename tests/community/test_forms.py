"""Bad input is explained next to the field, marked for assistive technology, and what was typed
stays in the form."""

import re

import pytest
from django.urls import reverse

from tests.builders import make_membership, make_person
from wijkdialoog.community.models import Membership, Neighbourhood, Person


def field_tag(content: str, field_id: str) -> str:
    return re.search(rf'<(input|select|textarea)[^>]*\bid="{field_id}"[^>]*>', content).group(0)


def assert_error_next_to(content: str, field_id: str):
    assert f'id="{field_id}_error"' in content, f"no error element for {field_id}"
    tag = field_tag(content, field_id)
    assert 'aria-invalid="true"' in tag
    described = re.search(r'aria-describedby="([^"]+)"', tag).group(1).split()
    assert f"{field_id}_error" in described
    # The error comes between the label and the field, so it is read before the field.
    label = content.index(f'for="{field_id}"')
    assert label < content.index(f'id="{field_id}_error"') < content.index(tag)


def assert_no_error(content: str, field_id: str):
    assert f'id="{field_id}_error"' not in content
    assert 'aria-invalid="true"' not in field_tag(content, field_id)


NEIGHBOURHOOD = {"name": "Oost", "slug": "oost", "kind": "wijk", "municipality": "Westerlaan"}


def test_a_bad_cbs_code_is_explained_next_to_the_field(client_for, organisation):
    data = {**NEIGHBOURHOOD, "cbs_code": "WK12"}
    response = client_for("organiser").post(reverse("neighbourhood-create"), data)
    assert response.status_code == 200
    content = response.content.decode()
    assert_error_next_to(content, "id_cbs_code")
    # The field's help text stays linked too.
    assert "id_cbs_code_helptext" in field_tag(content, "id_cbs_code")
    assert 'value="WK12"' in content
    assert 'value="Oost"' in content
    assert_no_error(content, "id_name")
    assert not Neighbourhood.objects.exists()


def test_a_cbs_code_in_lowercase_is_accepted_and_stored_in_capitals(client_for, organisation):
    data = {**NEIGHBOURHOOD, "cbs_code": " wk036301 "}
    response = client_for("organiser").post(reverse("neighbourhood-create"), data)
    assert response.status_code == 302
    assert Neighbourhood.objects.get().cbs_code == "WK036301"


def test_a_short_name_already_in_use_is_explained_next_to_the_field(
    client_for, organisation, neighbourhood
):
    data = {**NEIGHBOURHOOD, "slug": neighbourhood.slug}
    response = client_for("organiser").post(reverse("neighbourhood-create"), data)
    content = response.content.decode()
    assert_error_next_to(content, "id_slug")
    assert f'value="{neighbourhood.slug}"' in content
    assert Neighbourhood.objects.count() == 1


def test_another_organisation_may_use_the_same_short_name(client_for, neighbourhood):
    data = {**NEIGHBOURHOOD, "slug": neighbourhood.slug}
    response = client_for("outsider").post(reverse("neighbourhood-create"), data)
    assert response.status_code == 302
    assert Neighbourhood.objects.filter(slug=neighbourhood.slug).count() == 2


def test_a_neighbourhood_keeps_its_own_short_name_when_edited(client_for, neighbourhood):
    url = reverse("neighbourhood-edit", args=[neighbourhood.pk])
    data = {**NEIGHBOURHOOD, "slug": neighbourhood.slug, "name": "Kersenbuurt"}
    assert client_for("organiser").post(url, data).status_code == 302


PERSON = {"first_name": "Anneke", "last_name": "Smit", "language": "nl"}


def test_an_email_address_someone_else_has_is_explained_next_to_the_field(
    client_for, organisation, resident
):
    data = {**PERSON, "email": resident.email.upper()}
    response = client_for("organiser").post(reverse("person-create"), data)
    assert response.status_code == 200
    content = response.content.decode()
    assert_error_next_to(content, "id_email")
    assert 'value="Anneke"' in content
    assert not Person.objects.filter(first_name="Anneke").exists()


def test_a_person_keeps_their_own_email_address_when_edited(client_for, resident):
    url = reverse("person-edit", args=[resident.pk])
    data = {**PERSON, "first_name": "Rita", "email": resident.email}
    assert client_for("organiser").post(url, data).status_code == 302


def test_an_email_address_known_in_another_organisation_is_fine(client_for, outsider, organisation):
    data = {**PERSON, "email": "otto@example.org"}
    assert client_for("organiser").post(reverse("person-create"), data).status_code == 302


@pytest.mark.parametrize("phone", ["12345", "06-abc-12345", "call me"])
def test_a_bad_phone_number_is_explained_next_to_the_field(client_for, organisation, phone):
    response = client_for("organiser").post(reverse("person-create"), {**PERSON, "phone": phone})
    content = response.content.decode()
    assert_error_next_to(content, "id_phone")
    assert f'value="{phone}"' in content


@pytest.mark.parametrize("phone", ["06 12345678", "+31 6 1234 5678", "(020) 123-4567"])
def test_usual_phone_numbers_are_accepted(client_for, organisation, phone):
    response = client_for("organiser").post(reverse("person-create"), {**PERSON, "phone": phone})
    assert response.status_code == 302


def test_a_missing_first_name_is_explained_next_to_the_field(client_for, organisation):
    response = client_for("organiser").post(reverse("person-create"), {"language": "nl"})
    assert_error_next_to(response.content.decode(), "id_first_name")


INVITE = {"first_name": "Noor", "email": "noor@example.org", "language": "nl"}


def test_a_partner_without_kind_and_organisation_is_explained_next_to_both_fields(
    client_for, organisation, mailoutbox
):
    response = client_for("organiser").post(reverse("role-invite"), {**INVITE, "role": "partner"})
    assert response.status_code == 200
    content = response.content.decode()
    assert_error_next_to(content, "id_partner_kind")
    assert_error_next_to(content, "id_partner_organisation")
    assert 'value="noor@example.org"' in content
    partner_choice = re.search(r'<input[^>]*value="partner"[^>]*>', content).group(0)
    assert "checked" in partner_choice
    assert not Membership.objects.filter(person__email="noor@example.org").exists()
    assert mailoutbox == []


def test_a_facilitator_needs_no_partner_details(client_for, organisation, mailoutbox):
    data = {**INVITE, "role": "facilitator"}
    assert client_for("organiser").post(reverse("role-invite"), data).status_code == 302
    assert len(mailoutbox) == 1


def test_a_bad_email_address_on_the_invite_form_is_explained_next_to_the_field(
    client_for, organisation
):
    data = {**INVITE, "role": "facilitator", "email": "noor-at-example"}
    response = client_for("organiser").post(reverse("role-invite"), data)
    content = response.content.decode()
    assert_error_next_to(content, "id_email")
    assert 'value="noor-at-example"' in content


def test_a_missing_role_is_explained_on_the_group_of_choices(client_for, organisation):
    response = client_for("organiser").post(reverse("role-invite"), INVITE)
    content = response.content.decode()
    assert 'id="id_role_error"' in content
    fieldset = re.search(r"<fieldset[^>]*>", content).group(0)
    assert "id_role_error" in fieldset


def test_a_bad_date_on_the_training_form_is_explained_next_to_the_field(client_for, organisation):
    lotte = make_membership(organisation, "facilitator", first_name="Lotte", email="l@example.org")
    url = reverse("membership-training", args=[lotte.pk])
    response = client_for("organiser").post(url, {"trained_since": "vorige week"})
    content = response.content.decode()
    assert_error_next_to(content, "id_trained_since")
    assert 'value="vorige week"' in content


def test_the_training_form_accepts_a_dutch_date(client_for, organisation):
    lotte = make_membership(organisation, "facilitator", first_name="Lotte", email="l@example.org")
    url = reverse("membership-training", args=[lotte.pk])
    response = client_for("organiser").post(url, {"trained_since": "14-03-2025"})
    assert response.status_code == 302
    lotte.refresh_from_db()
    assert lotte.trained_since.isoformat() == "2025-03-14"


def test_the_person_form_only_offers_this_organisations_neighbourhoods(
    client_for, neighbourhood, other_organisation
):
    Neighbourhood.objects.create(organisation=other_organisation, name="Elders", slug="elders")
    make_person(other_organisation, first_name="Otto")
    form = client_for("organiser").get(reverse("person-create")).context["form"]
    assert list(form.fields["neighbourhood"].queryset) == [neighbourhood]
