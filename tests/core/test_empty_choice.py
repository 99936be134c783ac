from django import forms
from django.utils import translation

from wijkdialoog.community.forms import InviteForm, PersonForm
from wijkdialoog.core.forms import Form


class _Answers(Form):
    colour = forms.ChoiceField(choices=[("", "-"), ("red", "red")], required=False)
    mood = forms.ChoiceField(
        choices=[("", "-"), ("glad", "glad")], required=False, widget=forms.RadioSelect
    )


def test_an_empty_choice_reads_choose_in_dutch():
    with translation.override("nl"):
        form = _Answers()
        assert form.fields["colour"].choices[0] == ("", "Kies…")
        assert str(form.fields["colour"].choices[0][1]) == "Kies…"


def test_an_empty_radio_choice_reads_no_answer():
    with translation.override("nl"):
        assert str(_Answers().fields["mood"].choices[0][1]) == "Geen antwoord"


def test_model_choice_fields_get_the_same_empty_label(organisation):
    with translation.override("nl"):
        form = PersonForm(organisation=organisation)
        assert str(form.fields["neighbourhood"].empty_label) == "Kies…"
        assert "Select an option" not in InviteForm().as_div()
