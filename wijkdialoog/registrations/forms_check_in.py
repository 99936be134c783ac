"""Forms of the check-in page: a code, and someone who walks in."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.forms import Form

from .models import Registration, age_group_choices


class CodeForm(Form):
    code = forms.CharField(
        label=_("Code from the confirmation email"),
        max_length=40,
        help_text=_("Six letters and digits. Capitals, spaces and dashes do not matter."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )


class WalkInForm(Form):
    first_name = forms.CharField(
        label=_("First name"), max_length=80, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
    )
    email = forms.EmailField(
        label=_("Email address"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    age_group = forms.ChoiceField(
        label=_("Age group"),
        choices=[("", _("Not asked")), *age_group_choices()],
        required=False,
    )
    relation = forms.ChoiceField(
        label=_("Relation to the neighbourhood"),
        choices=[("", _("Not asked"))] + list(Registration.Relation.choices),
        required=False,
    )
    consent = forms.BooleanField(
        label=_("They agreed out loud that we keep these details for this meeting."),
        help_text=_("Tell them: we use the details only for this dialogue and delete them later."),
    )

    prefix = "walk_in"
