"""Every community permission, tested directly for every persona."""

import pytest

from tests.conftest import PERSONAS
from tests.rules_table import assert_table_is_complete, case_ids, check_rule

SIGNED_IN = {"organiser", "facilitator", "partner", "trainer", "outsider"}

CASES = [
    ("community.use_dashboard", None, {"organiser", "outsider"}),
    ("community.manage_organisation", "organisation", {"organiser"}),
    ("community.manage_organisation", "other_organisation", {"outsider"}),
    ("community.manage_organisation", None, set()),
    ("community.manage_neighbourhoods", "neighbourhood", {"organiser"}),
    ("community.manage_neighbourhoods", "organisation", {"organiser"}),
    ("community.manage_people", "resident", {"organiser"}),
    ("community.manage_people", "organisation", {"organiser"}),
    ("community.manage_roles", "organisation", {"organiser"}),
    ("community.manage_roles", "facilitator", {"organiser"}),
    ("community.view_person", "resident", {"organiser"}),
    ("community.view_person", "facilitator_person", {"organiser", "facilitator"}),
    ("community.record_training", "organisation", {"organiser", "trainer"}),
    ("community.record_training", "facilitator", {"organiser", "trainer"}),
    ("community.record_training", "other_organisation", {"outsider"}),
    ("community.view_training_list", None, {"organiser", "trainer", "outsider"}),
    ("community.view_own_page", None, SIGNED_IN),
    ("community.set_own_password", None, SIGNED_IN),
]


@pytest.fixture
def facilitator_person(facilitator):
    return facilitator.person


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("permission", "subject", "allowed"), CASES, ids=case_ids(CASES))
def test_the_rule_allows_exactly_these_personas(
    db, request, user_for, persona, permission, subject, allowed
):
    check_rule(request, user_for, persona, permission, subject, allowed)


def test_every_community_permission_is_in_the_table():
    assert_table_is_complete("community", CASES)
