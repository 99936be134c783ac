"""A required field looks like any other field until someone submits the form: no `required`
attribute (which browsers mark `:invalid`, and the Utrecht styles paint red, before anyone
typed), but `aria-required` for assistive technology, and errors from the server afterwards."""

import re

import pytest
from django.urls import reverse

from wijkdialoog.core.forms import Form

REQUIRED_ATTRIBUTE = re.compile(r"<(?:input|select|textarea)[^>]*\srequired[\s>=]")


class ExampleForm(Form):
    from django import forms

    name = forms.CharField(label="Name")
    note = forms.CharField(label="Note", widget=forms.Textarea)
    colour = forms.ChoiceField(label="Colour", choices=[("", "—"), ("g", "green")])
    size = forms.ChoiceField(
        label="Size", choices=[("s", "S"), ("l", "L")], widget=forms.RadioSelect
    )
    agree = forms.BooleanField(label="I agree")
    nickname = forms.CharField(label="Nickname", required=False)


def test_a_fresh_form_has_no_required_attribute_but_tells_assistive_technology():
    html = str(ExampleForm())
    assert not REQUIRED_ATTRIBUTE.search(html)
    for name in ("name", "note", "colour", "agree"):
        tag = re.search(rf'<[^>]*name="{name}"[^>]*>', html).group(0)
        assert 'aria-required="true"' in tag, tag
    # Not on radio buttons (their role does not take it) nor on optional fields.
    for tag in re.findall(r'<input[^>]*name="size"[^>]*>', html):
        assert "aria-required" not in tag
    nickname = re.search(r'<input[^>]*name="nickname"[^>]*>', html).group(0)
    assert "aria-required" not in nickname


def test_after_a_submit_the_missing_fields_are_marked_invalid():
    form = ExampleForm(data={})
    html = str(form)
    tag = re.search(r'<input[^>]*name="name"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in tag and 'aria-required="true"' in tag
    assert not REQUIRED_ATTRIBUTE.search(html)


@pytest.mark.parametrize(
    ("persona", "url_name"),
    [
        ("organiser", "series-create"),
        ("organiser", "venue-create"),
        ("organiser", "person-create"),
        ("organiser", "role-invite"),
        ("anonymous", "login"),
        ("anonymous", "magic-link-request"),
    ],
)
def test_no_form_page_marks_fields_before_anyone_typed(client_for, persona, url_name):
    html = client_for(persona).get(reverse(url_name)).content.decode()
    assert "<form" in html
    assert not REQUIRED_ATTRIBUTE.search(html)
    assert 'aria-invalid="true"' not in html


def test_the_sign_up_form_marks_nothing_before_anyone_typed(client, meeting_for_sign_up):
    html = client.get(meeting_for_sign_up).content.decode()
    assert 'name="first_name"' in html
    assert not REQUIRED_ATTRIBUTE.search(html)
    assert 'aria-invalid="true"' not in html
    consent = re.search(r'<input[^>]*name="consent"[^>]*>', html).group(0)
    assert 'aria-required="true"' in consent


@pytest.fixture
def meeting_for_sign_up(neighbourhood):
    from tests.builders import make_meeting, make_series, make_table

    series = make_series(neighbourhood, theme="Thuis", slug="thuis")
    meeting = make_meeting(series, days=10)
    make_table(meeting)
    return reverse("meeting-register", args=[meeting.pk])
