"""The story's permission, tested directly for every persona (see tests/rules_table.py)."""

import pytest

from tests.builders import make_series
from tests.conftest import PERSONAS
from tests.rules_table import case_ids, check_rule

CASES = [
    ("synthesis.edit_story", "series", {"organiser"}),
    ("synthesis.edit_story", "other_series", {"outsider"}),
]


@pytest.fixture
def series(neighbourhood):
    return make_series(neighbourhood)


@pytest.fixture
def other_series(other_organisation):
    from wijkdialoog.community.models import Neighbourhood

    place = Neighbourhood.objects.create(
        organisation=other_organisation, name="Elders", slug="elders"
    )
    return make_series(place)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("permission", "subject", "allowed"), CASES, ids=case_ids(CASES))
def test_only_the_series_organiser_may_write_its_story(
    db, request, user_for, persona, permission, subject, allowed
):
    check_rule(request, user_for, persona, permission, subject, allowed)
