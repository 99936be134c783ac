"""Every core permission, tested directly for every persona."""

import pytest

from tests.conftest import PERSONAS
from tests.rules_table import assert_table_is_complete, case_ids, check_rule

CASES = [
    # The history of an object: organisers of its organisation only.
    ("core.view_history", "resident", {"organiser"}),
    ("core.view_history", "organisation", {"organiser"}),
    ("core.view_history", "other_organisation", {"outsider"}),
    ("core.view_history", None, set()),
]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("permission", "subject", "allowed"), CASES, ids=case_ids(CASES))
def test_the_rule_allows_exactly_these_personas(
    db, request, user_for, persona, permission, subject, allowed
):
    check_rule(request, user_for, persona, permission, subject, allowed)


def test_every_core_permission_is_in_the_table():
    assert_table_is_complete("core", CASES)
