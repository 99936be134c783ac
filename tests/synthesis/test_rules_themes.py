"""The permission behind the theme pages, for every persona."""

import pytest

from tests.builders import make_series
from tests.conftest import PERSONAS
from tests.rules_table import case_ids, check_rule

CASES = [
    ("synthesis.curate_themes", "plain_series", {"organiser"}),
    # The outsider organises the other organisation.
    ("synthesis.curate_themes", "other_series", {"outsider"}),
]


@pytest.fixture
def plain_series(neighbourhood):
    return make_series(neighbourhood)


@pytest.fixture
def other_series(other_organisation):
    from wijkdialoog.community.models import Neighbourhood

    place = Neighbourhood.objects.create(
        organisation=other_organisation, name="Elders", slug="elders", municipality="Elders"
    )
    return make_series(place)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("permission", "subject", "allowed"), CASES, ids=case_ids(CASES))
def test_the_rule_allows_exactly_these_personas(
    db, request, user_for, persona, permission, subject, allowed
):
    check_rule(request, user_for, persona, permission, subject, allowed)
