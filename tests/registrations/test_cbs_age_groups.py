"""The sign-up asks the age groups of CBS, so who came compares with who lives in the
neighbourhood. Rows with an age group of the old grouping keep it: shown as it was, kept when
the row is edited, never offered to someone new."""

from django.urls import reverse
from django.utils import translation

from tests.builders import make_meeting, make_registration
from wijkdialoog.registrations.forms import ChangeForm, RegisterForm
from wijkdialoog.registrations.forms_check_in import WalkInForm
from wijkdialoog.registrations.models import OFFERED_AGE_GROUPS, Registration

CBS = ["u15", "15-24", "25-44", "45-64", "65+"]


def test_the_sign_up_offers_the_cbs_age_groups_only():
    assert [value for value, _label in RegisterForm().fields["age_group"].choices] == CBS
    assert list(OFFERED_AGE_GROUPS) == CBS


def test_check_in_offers_the_cbs_age_groups_only():
    choices = [value for value, _label in WalkInForm().fields["age_group"].choices]

    assert choices == ["", *CBS]


def test_the_public_form_refuses_an_old_age_group(client, neighbourhood):
    meeting = make_meeting(neighbourhood)
    data = {
        "first_name": "Anna",
        "email": "anna@example.org",
        "consent": "on",
        "age_group": "18-34",
    }

    response = client.post(reverse("meeting-register", args=[meeting.pk]), data)

    assert not Registration.objects.exists()
    assert response.status_code in (200, 400)


def test_an_old_age_group_shows_as_it_was(neighbourhood):
    registration = make_registration(make_meeting(neighbourhood), age_group="18-34")

    with translation.override("nl"):
        assert registration.get_age_group_display() == "18 tot en met 34 (oude indeling)"


def test_editing_a_row_with_an_old_age_group_keeps_it(neighbourhood):
    registration = make_registration(make_meeting(neighbourhood), age_group="55-74")

    form = ChangeForm.for_registration(registration, [], data={"age_group": "55-74"})

    assert [value for value, _label in form.fields["age_group"].choices] == [*CBS, "55-74"]
    assert form.is_valid(), form.errors
    assert form.facts()["age_group"] == "55-74"


def test_a_row_without_an_old_age_group_is_not_offered_one(neighbourhood):
    registration = make_registration(make_meeting(neighbourhood), age_group="25-44")

    form = ChangeForm.for_registration(registration, [], data={"age_group": "55-74"})

    assert not form.is_valid()
    assert "age_group" in form.errors
