"""A training date long before any training (a picker's year 0001) is refused next to the field."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_membership


@pytest.mark.parametrize("value", ["0001-01-01", "1969-12-31"])
def test_a_training_date_long_before_any_training_is_refused(client_for, organisation, value):
    lotte = make_membership(organisation, "facilitator", first_name="Lotte", email="l@example.org")
    response = client_for("organiser").post(
        reverse("membership-training", args=[lotte.pk]), {"trained_since": value}
    )
    assert response.status_code == 200
    assert 'id="id_trained_since_error"' in response.content.decode()
    lotte.refresh_from_db()
    assert lotte.trained_since is None


def test_the_training_date_picker_runs_from_1970_to_today(client_for, organisation):
    lotte = make_membership(organisation, "facilitator", first_name="Lotte", email="l@example.org")
    html = client_for("organiser").get(reverse("membership-training", args=[lotte.pk])).content
    assert f'min="1970-01-01" max="{timezone.localdate().isoformat()}"' in html.decode()
