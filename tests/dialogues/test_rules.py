"""Every dialogues permission, tested directly for every persona."""

import pytest

from tests.conftest import PERSONAS
from tests.rules_table import assert_table_is_complete, case_ids, check_rule

EVERYONE = set(PERSONAS)

CASES = [
    ("dialogues.manage_series", "series", {"organiser"}),
    ("dialogues.manage_series", "meeting", {"organiser"}),
    ("dialogues.manage_series", "unpublished_meeting", {"organiser"}),
    ("dialogues.manage_series", "table", {"organiser"}),
    ("dialogues.manage_series", "organisation", {"organiser"}),
    ("dialogues.manage_series", "other_organisation", {"outsider"}),
    ("dialogues.manage_venues", "venue", {"organiser"}),
    ("dialogues.manage_venues", "organisation", {"organiser"}),
    # Published: everyone, also without a login; not yet published: its organisers only.
    ("dialogues.view_meeting", "meeting", EVERYONE),
    ("dialogues.view_meeting", "unpublished_meeting", {"organiser"}),
    ("dialogues.view_meeting", None, set()),
]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("permission", "subject", "allowed"), CASES, ids=case_ids(CASES))
def test_the_rule_allows_exactly_these_personas(
    db, request, user_for, persona, permission, subject, allowed
):
    check_rule(request, user_for, persona, permission, subject, allowed)


def test_every_dialogues_permission_is_in_the_table():
    assert_table_is_complete("dialogues", CASES)
