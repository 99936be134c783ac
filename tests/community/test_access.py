"""Every page of the core and community apps, opened by every persona: allowed and denied.

Anonymous visitors are sent to the login page on protected pages; the outsider is an organiser of
another organisation and gets 403 on this organisation's objects."""

import pytest
from django.urls import reverse

from tests.builders import make_membership
from tests.conftest import PERSONAS

OK, DENIED, LOGIN = 200, 403, "login"


def login_redirect(response, url):
    return response.status_code == 302 and response["Location"].startswith(
        f"{reverse('login')}?next="
    )


def check(response, expected, url):
    if expected == LOGIN:
        assert login_redirect(response, url), (response.status_code, response.get("Location"))
    elif isinstance(expected, str):  # a redirect to a named page
        assert response.status_code == 302, response.status_code
        assert response["Location"] == reverse(expected)
    else:
        assert response.status_code == expected, response.status_code


@pytest.fixture
def targets(organisation, neighbourhood, resident):
    """Objects of this organisation that the organiser's pages work on."""
    untrained = make_membership(
        organisation, "facilitator", first_name="Lotte", email="lotte@example.org"
    )
    return {"neighbourhood": neighbourhood, "person": resident, "membership": untrained}


# Pages anyone may open, logged in or not.
PUBLIC_PAGES = ["home", "privacy", "health", "magic-link-request", "magic-link-sent"]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_pages_open_for_everyone(client_for, persona, name, db):
    response = client_for(persona).get(reverse(name))
    assert response.status_code == 200


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_login_page_is_for_visitors_and_sends_logged_in_people_on(client_for, persona):
    response = client_for(persona).get(reverse("login"))
    if persona == "anonymous":
        assert response.status_code == 200
    else:
        assert response.status_code == 302
        assert response["Location"] == reverse("after-login")


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", ["magic-link-open", "invitation-open", "assignment-open"])
def test_a_link_page_without_a_token_explains_that_the_link_does_not_work(
    client_for, persona, name
):
    response = client_for(persona).get(reverse(name))
    assert response.status_code == 400
    assert "community/magic_link_invalid.html" in [t.name for t in response.templates]


AFTER_LOGIN = {
    "anonymous": "login",
    "organiser": "dashboard",
    "facilitator": "my-page",
    "partner": "my-page",
    "trainer": "my-page",
    "outsider": "dashboard",
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_after_login_each_persona_lands_on_their_own_start_page(client_for, persona):
    response = client_for(persona).get(reverse("after-login"))
    assert response.status_code == 302
    assert response["Location"] == reverse(AFTER_LOGIN[persona])


# Pages for anyone logged in, whatever their role.
OWN_PAGES = ["my-page", "set-password"]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", OWN_PAGES)
def test_own_pages_are_for_everyone_who_is_logged_in(client_for, persona, name):
    response = client_for(persona).get(reverse(name))
    check(response, LOGIN if persona == "anonymous" else OK, reverse(name))


def expect(**overrides):
    """What each persona gets on an organiser page: by default only the organiser is allowed."""
    default = {"organiser": OK, "facilitator": DENIED, "partner": DENIED, "trainer": DENIED}
    return {"anonymous": LOGIN, "outsider": DENIED, **default, **overrides}


# (url name, target object or None, expected per persona). Pages without an object work on the
# organisation the user organises, so the outsider sees their own organisation there.
ORGANISER_PAGES = [
    ("dashboard", None, expect(outsider=OK)),
    ("neighbourhood-create", None, expect(outsider=OK)),
    ("neighbourhood-edit", "neighbourhood", expect()),
    ("person-list", None, expect(outsider=OK)),
    ("person-create", None, expect(outsider=OK)),
    ("person-detail", "person", expect()),
    ("person-edit", "person", expect()),
    ("role-list", None, expect(outsider=OK)),
    ("role-invite", None, expect(outsider=OK)),
    ("training-list", None, expect(trainer=OK, outsider=OK)),
    ("membership-training", "membership", expect(trainer=OK)),
]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(
    ("name", "target", "expected"), ORGANISER_PAGES, ids=[page[0] for page in ORGANISER_PAGES]
)
def test_organiser_pages_are_allowed_and_denied_per_persona(
    client_for, targets, persona, name, target, expected
):
    url = reverse(name, args=[targets[target].pk]) if target else reverse(name)
    check(client_for(persona).get(url), expected[persona], url)


@pytest.mark.parametrize("persona", ["outsider"])
@pytest.mark.parametrize("name", ["dashboard", "person-list", "role-list", "training-list"])
def test_the_outsider_sees_their_own_organisation_and_none_of_ours(
    client_for, targets, organisation, other_organisation, persona, name, facilitator
):
    content = client_for(persona).get(reverse(name)).content.decode()
    assert organisation.name not in content
    for person in ("Rita", "Lotte", "Fenna"):
        assert person not in content
    if name == "dashboard":
        assert other_organisation.name in content


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("anonymous", LOGIN),
        ("organiser", OK),
        ("facilitator", OK),  # their own record
        ("partner", DENIED),
        ("trainer", DENIED),
        ("outsider", DENIED),
    ],
)
def test_a_person_may_see_their_own_person_page(client_for, facilitator, persona, expected):
    url = reverse("person-detail", args=[facilitator.person.pk])
    check(client_for(persona).get(url), expected, url)


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("anonymous", LOGIN),
        ("organiser", OK),
        ("facilitator", DENIED),  # seeing is not changing
        ("partner", DENIED),
        ("trainer", DENIED),
        ("outsider", DENIED),
    ],
)
def test_only_organisers_change_a_person_even_their_own_record(
    client_for, facilitator, persona, expected
):
    url = reverse("person-edit", args=[facilitator.person.pk])
    check(client_for(persona).get(url), expected, url)


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("anonymous", LOGIN),
        ("organiser", "dashboard"),
        ("facilitator", DENIED),
        ("partner", DENIED),
        ("trainer", DENIED),
        ("outsider", "dashboard"),
    ],
)
def test_switching_organisation_is_for_organisers(client_for, organisation, persona, expected):
    url = reverse("switch-organisation")
    response = client_for(persona).post(url, {"organisation": organisation.pk})
    check(response, expected, url)


def test_the_outsider_cannot_switch_into_an_organisation_they_do_not_organise(
    client_for, organisation, other_organisation
):
    client = client_for("outsider")
    client.post(reverse("switch-organisation"), {"organisation": organisation.pk})
    response = client.get(reverse("dashboard"))
    assert response.context["organisation"] == other_organisation


def test_an_organiser_of_two_organisations_switches_between_them(
    client, organiser, organisation, other_organisation
):
    make_membership(other_organisation, "organiser", first_name="Olga", email="olga@example.org")
    client.force_login(organiser.person.user)
    assert client.get(reverse("dashboard")).context["organisation"] == organisation
    client.post(reverse("switch-organisation"), {"organisation": other_organisation.pk})
    assert client.get(reverse("dashboard")).context["organisation"] == other_organisation


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("anonymous", LOGIN),
        ("organiser", 302),
        ("facilitator", DENIED),
        ("partner", DENIED),
        ("trainer", DENIED),
        ("outsider", DENIED),
    ],
)
def test_ending_a_role_is_for_organisers_of_that_organisation(
    client_for, targets, persona, expected
):
    membership = targets["membership"]
    url = reverse("membership-toggle", args=[membership.pk])
    check(client_for(persona).post(url, {"active": "0"}), expected, url)
    membership.refresh_from_db()
    assert membership.is_active is (expected != 302)


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("anonymous", LOGIN),
        ("organiser", 302),
        ("facilitator", DENIED),
        ("partner", DENIED),
        ("trainer", DENIED),
        ("outsider", DENIED),
    ],
)
def test_resuming_a_role_is_for_organisers_of_that_organisation(
    client_for, targets, persona, expected
):
    membership = targets["membership"]
    membership.is_active = False
    membership.save()
    url = reverse("membership-toggle", args=[membership.pk])
    check(client_for(persona).post(url, {"active": "1"}), expected, url)
    membership.refresh_from_db()
    assert membership.is_active is (expected == 302)


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("anonymous", LOGIN),
        ("organiser", 302),
        ("facilitator", DENIED),
        ("partner", DENIED),
        ("trainer", 302),
        ("outsider", DENIED),
    ],
)
def test_recording_training_is_for_organisers_and_trainers_of_that_organisation(
    client_for, targets, persona, expected
):
    membership = targets["membership"]
    url = reverse("membership-training", args=[membership.pk])
    response = client_for(persona).post(url, {"trained_since": "2026-01-10"})
    check(response, expected, url)
    membership.refresh_from_db()
    assert (membership.trained_since is not None) is (expected == 302)


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("anonymous", LOGIN),
        ("organiser", 302),
        ("facilitator", DENIED),
        ("partner", DENIED),
        ("trainer", DENIED),
        ("outsider", DENIED),
    ],
)
def test_changing_a_neighbourhood_is_for_organisers_of_that_organisation(
    client_for, neighbourhood, persona, expected
):
    url = reverse("neighbourhood-edit", args=[neighbourhood.pk])
    data = {"name": "Nieuwe naam", "slug": "kersenbuurt", "kind": "buurt"}
    check(client_for(persona).post(url, data), expected, url)
    neighbourhood.refresh_from_db()
    assert (neighbourhood.name == "Nieuwe naam") is (expected == 302)


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("anonymous", LOGIN),
        ("organiser", 302),
        ("facilitator", DENIED),
        ("partner", DENIED),
        ("trainer", DENIED),
        ("outsider", DENIED),
    ],
)
def test_changing_a_person_is_for_organisers_of_that_organisation(
    client_for, resident, persona, expected
):
    url = reverse("person-edit", args=[resident.pk])
    data = {"first_name": "Rita", "last_name": "Veranderd", "language": "nl"}
    check(client_for(persona).post(url, data), expected, url)
    resident.refresh_from_db()
    assert (resident.last_name == "Veranderd") is (expected == 302)


def test_what_the_outsider_creates_lands_in_their_own_organisation(
    client_for, organisation, other_organisation
):
    client = client_for("outsider")
    client.post(reverse("neighbourhood-create"), {"name": "Oost", "slug": "oost", "kind": "wijk"})
    client.post(reverse("person-create"), {"first_name": "Nina", "language": "nl"})
    assert not organisation.neighbourhoods.exists()
    assert not organisation.people.filter(first_name="Nina").exists()
    assert other_organisation.neighbourhoods.get().slug == "oost"
    assert other_organisation.people.filter(first_name="Nina").exists()


def test_an_organiser_whose_role_has_ended_no_longer_opens_the_dashboard(client, organiser):
    organiser.is_active = False
    organiser.save()
    client.force_login(organiser.person.user)
    assert client.get(reverse("dashboard")).status_code == 403
    assert client.get(reverse("after-login"))["Location"] == reverse("my-page")
