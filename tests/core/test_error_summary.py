"""After a failed submit every page starts with an error summary that links to each field, and
its title starts with "Fout:" (the GOV.UK / NL Design System pattern): every form of the site."""

import re

import pytest
from django import forms
from django.template import Context, Template
from django.utils import translation

from tests.builders import make_meeting
from wijkdialoog.core.forms import Form

pytestmark = pytest.mark.django_db


def _title(html: str) -> str:
    return " ".join(re.search(r"<title>(.*?)</title>", html, re.S).group(1).split())


def _summary(html: str) -> str:
    match = re.search(r'<div class="[^"]*wd-error-summary".*?</ul>', html, re.S)
    assert match, "no error summary on the page"
    return match.group(0)


def test_a_failed_sign_up_starts_with_a_focused_summary_linking_to_each_field(
    client, neighbourhood
):
    meeting = make_meeting(neighbourhood)
    response = client.post(f"/bijeenkomst/{meeting.pk}/aanmelden/", {"phone": "abc"})
    html = response.content.decode()

    assert response.status_code == 200
    assert _title(html).startswith("Fout: ")
    summary = _summary(html)
    assert 'tabindex="-1"' in summary and "autofocus" in summary
    assert 'href="#id_first_name"' in summary
    assert 'href="#id_phone"' in summary
    assert 'href="#id_consent"' in summary
    # The summary comes before the page's heading, so it is the first thing on the screen.
    assert html.index("wd-error-summary") < html.index("utrecht-heading-1")


def test_the_title_says_error_in_english(client, neighbourhood, settings):
    meeting = make_meeting(neighbourhood)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.post(f"/bijeenkomst/{meeting.pk}/aanmelden/", {"first_name": "Fatma"})
    assert _title(response.content.decode()).startswith("Error: ")


def test_a_page_without_errors_has_no_summary_and_a_plain_title(client, neighbourhood):
    meeting = make_meeting(neighbourhood)
    html = client.get(f"/bijeenkomst/{meeting.pk}/aanmelden/").content.decode()
    assert "wd-error-summary" not in html
    assert not _title(html).startswith("Fout")


def test_other_forms_of_the_site_get_the_summary_too(client, organiser):
    response = client.post(
        "/inloggen/", {"username": "olga@example.org", "password": "not-the-password"}
    )
    html = response.content.decode()
    assert _title(html).startswith("Fout: ")
    assert "wd-error-summary" in html


class ChoicesForm(Form):
    colour = forms.ChoiceField(choices=[("red", "Red"), ("blue", "Blue")], widget=forms.RadioSelect)
    note = forms.CharField(label="Note")
    secret = forms.CharField(widget=forms.HiddenInput)

    def clean(self):
        raise forms.ValidationError("The whole form is wrong.")


def test_the_summary_links_a_group_of_radio_buttons_to_its_first_button():
    form = ChoicesForm(data={})
    template = Template(
        "{% load error_summary %}{% error_summary_items as items %}"
        "{% for item in items %}[{{ item.href }}|{{ item.text }}]{% endfor %}"
    )
    with translation.override("en"):
        rendered = template.render(Context({"form": form, "also_the_form": form}))

    assert rendered == (
        "[|The whole form is wrong.]"
        "[#id_colour_0|Colour: This field is required.]"
        "[#id_note|Note: This field is required.]"
        "[|This field is required.]"
    )


class QuickEntryForm(Form):
    text = forms.CharField(label="Text", widget=forms.TextInput(attrs={"autofocus": True}))


def test_an_invalid_field_that_asks_for_focus_keeps_it_for_fast_keyboard_entry():
    template = Template(
        "{% load error_summary %}{% error_summary_items as items %}"
        '{% include "core/includes/error_summary.html" with items=items %}'
    )
    quick = template.render(Context({"form": QuickEntryForm(data={})}))
    plain = template.render(Context({"form": ChoicesForm(data={})}))
    assert 'href="#id_text"' in quick and "autofocus" not in quick
    assert "autofocus" in plain
