"""The one helper that shows a refusal from a domain function on a form."""

from django import forms
from django.core.exceptions import ValidationError

from wijkdialoog.core.forms import Form, show_domain_error


class NameForm(Form):
    first_name = forms.CharField()
    code = forms.CharField(required=False)


def bound_form() -> NameForm:
    form = NameForm({"first_name": "Ans"})
    assert form.is_valid()
    return form


def test_a_plain_refusal_goes_above_the_form():
    form = bound_form()

    show_domain_error(form, ValidationError("Registration for this meeting is closed."))

    assert form.non_field_errors() == ["Registration for this meeting is closed."]


def test_a_refusal_about_a_field_goes_next_to_that_field():
    form = bound_form()

    show_domain_error(form, ValidationError({"first_name": "Fill in a first name."}))

    assert form.errors["first_name"] == ["Fill in a first name."]
    assert form.non_field_errors() == []


def test_a_refusal_about_a_field_the_form_does_not_have_goes_above_it_or_to_the_given_field():
    form = bound_form()
    other = bound_form()

    show_domain_error(form, ValidationError({"consent": "We need your permission."}))
    show_domain_error(other, ValidationError("Unknown code."), field="code")

    assert form.non_field_errors() == ["We need your permission."]
    assert other.errors["code"] == ["Unknown code."]
