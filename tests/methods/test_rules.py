"""Every methods permission, tested directly for every persona."""

import pytest

from tests.conftest import PERSONAS
from tests.rules_table import assert_table_is_complete, case_ids, check_rule

WITH_A_ROLE = {"organiser", "facilitator", "partner", "trainer", "outsider"}
OWN_ORGANISATION = {"organiser", "facilitator", "partner", "trainer"}

CASES = [
    ("methods.view_library", None, WITH_A_ROLE),
    ("methods.view_method", "waarderende_dialoog", WITH_A_ROLE),
    ("methods.view_method", "own_method", OWN_ORGANISATION),
    ("methods.view_method", "other_method", {"outsider"}),
    ("methods.view_method", None, set()),
    ("methods.manage_methods", "own_method", {"organiser"}),
    ("methods.manage_methods", "organisation", {"organiser"}),
    ("methods.manage_methods", "other_method", {"outsider"}),
    # A shipped method is nobody's to change.
    ("methods.manage_methods", "waarderende_dialoog", set()),
]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("permission", "subject", "allowed"), CASES, ids=case_ids(CASES))
def test_the_rule_allows_exactly_these_personas(
    db, request, user_for, persona, permission, subject, allowed
):
    check_rule(request, user_for, persona, permission, subject, allowed)


def test_every_methods_permission_is_in_the_table():
    assert_table_is_complete("methods", CASES)
