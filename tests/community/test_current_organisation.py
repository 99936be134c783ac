"""The organisation someone works in now is decided in one place: current_organisation."""

from types import SimpleNamespace

from tests.builders import make_membership, make_organisation
from wijkdialoog.community.access import SESSION_KEY, current_organisation
from wijkdialoog.community.models import Role


def request_of(user, chosen=None):
    return SimpleNamespace(user=user, session={SESSION_KEY: chosen} if chosen else {})


def test_the_first_organisation_with_the_role_is_current_until_another_is_chosen(db):
    first, second = make_organisation(), make_organisation()
    email = "kim@example.org"
    make_membership(first, Role.ORGANISER, first_name="Kim", email=email)
    user = make_membership(second, Role.ORGANISER, first_name="Kim", email=email).person.user

    assert current_organisation(request_of(user), Role.ORGANISER) == first
    assert current_organisation(request_of(user, second.pk), Role.ORGANISER) == second


def test_a_chosen_organisation_where_they_lack_the_role_is_not_current(db):
    first, second = make_organisation(), make_organisation()
    email = "kim@example.org"
    make_membership(first, Role.ORGANISER, first_name="Kim", email=email)
    user = make_membership(second, Role.PARTNER, first_name="Kim", email=email).person.user

    assert current_organisation(request_of(user, second.pk), Role.ORGANISER) == first
    assert current_organisation(request_of(user, second.pk), Role.TRAINER) is None


def test_the_roles_are_tried_in_order_and_without_roles_any_role_counts(db):
    first, second = make_organisation(), make_organisation()
    email = "kim@example.org"
    make_membership(first, Role.TRAINER, first_name="Kim", email=email)
    user = make_membership(second, Role.ORGANISER, first_name="Kim", email=email).person.user

    assert current_organisation(request_of(user), Role.ORGANISER, Role.TRAINER) == second
    assert current_organisation(request_of(user), Role.PARTNER, Role.TRAINER) == first
    assert current_organisation(request_of(user)) == first
    assert current_organisation(request_of(user, second.pk)) == second
