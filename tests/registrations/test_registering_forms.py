"""The registering forms on their own: what they accept, what they refuse and where they say so."""

from wijkdialoog.registrations.forms import ChangeForm, OnBehalfForm, RegisterForm


def data(**extra):
    values = {"first_name": "Anna", "email": "anna@example.org", "consent": "on"}
    values.update(extra)
    return values


def test_a_first_name_an_address_and_consent_are_enough():
    form = RegisterForm(data())

    assert form.is_valid(), form.errors
    assert form.companions() == ["", "", ""]
    assert form.facts() == {
        "age_group": "",
        "relation": "",
        "languages": "",
        "access_needs": "",
        "first_time": None,
    }


def test_a_phone_number_instead_of_an_email_address_is_fine():
    form = RegisterForm(data(email="", phone=" 06  1234 5678 "))

    assert form.is_valid(), form.errors
    assert form.cleaned_data["phone"] == "06 1234 5678"


def test_without_email_and_phone_the_error_is_on_the_email_field():
    form = RegisterForm(data(email=""))

    assert not form.is_valid()
    assert list(form.errors) == ["email"]
    assert form["email"].field.widget.attrs["aria-invalid"] == "true"
    assert "id_email_error" in form["email"].field.widget.attrs["aria-describedby"]


def test_a_phone_number_with_letters_is_refused_on_the_phone_field():
    form = RegisterForm(data(email="", phone="bel me maar"))

    assert not form.is_valid()
    assert list(form.errors) == ["phone"]


def test_unknown_choices_are_refused_next_to_their_field():
    form = RegisterForm(data(age_group="ancient", first_time="maybe"))

    assert not form.is_valid()
    assert set(form.errors) == {"age_group", "first_time"}


def test_first_time_becomes_yes_no_or_unknown():
    assert RegisterForm(data(first_time="yes")).is_valid()
    form = RegisterForm(data(first_time="no"))
    form.is_valid()
    assert form.facts()["first_time"] is False


def test_optional_fields_are_marked_optional_and_required_ones_are_not():
    form = RegisterForm()

    assert form.fields["first_name"].required
    assert form.fields["consent"].required
    assert not any(form.fields[name].required for name in ["email", "phone", "age_group"])
    html = form["languages"].as_field_group()
    assert 'class="wd-optional"' in html
    assert 'class="wd-optional"' not in form["first_name"].as_field_group()


def test_on_behalf_needs_to_know_how_the_registration_came_in():
    form = OnBehalfForm(data(language="nl"))

    assert not form.is_valid()
    assert "source" in form.errors
    assert OnBehalfForm(data(language="nl", source="phone")).is_valid()


def test_the_change_form_starts_from_the_current_answers():
    class Companion:
        class person:
            first_name = "Bert"

    class Registration:
        age_group = "55-74"
        relation = ""
        languages = "Nederlands"
        access_needs = ""
        first_time = False

    form = ChangeForm.for_registration(Registration, [Companion])

    assert form["age_group"].value() == "55-74"
    assert form["first_time"].value() == "no"
    assert form["companion_1"].value() == "Bert"
    assert form["companion_2"].value() in (None, "")
