"""The training form: a date long before any training (a picker's year 0001) is refused next to
the field, and trainers with the same name are told apart."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.builders import make_membership


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


def test_trainers_with_the_same_name_are_told_apart_on_the_training_form(client_for, organisation):
    lotte = make_membership(organisation, "facilitator", first_name="Lotte", email="l@example.org")
    for email in ("m1@example.org", "m2@example.org"):
        make_membership(organisation, "trainer", first_name="Marieke", email=email)
    html = client_for("organiser").get(reverse("membership-training", args=[lotte.pk])).content
    assert "Marieke (m1@example.org)" in html.decode()
    assert "Marieke (m2@example.org)" in html.decode()
