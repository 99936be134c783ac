"""Forms of the table division and check-in pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.forms import Form
from wijkdialoog.dialogues.models import Table

from .models import Registration


# The annotations are quoted: ModelChoiceField takes a model type only in django-stubs.
class MoveForm(Form):
    table: "forms.ModelChoiceField[Table]" = forms.ModelChoiceField(label=_("Table"), queryset=None)

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["table"].queryset = meeting.tables.all()


class SwapForm(Form):
    other: "forms.ModelChoiceField[Registration]" = forms.ModelChoiceField(
        label=_("Swap with"),
        queryset=None,
        error_messages={"invalid_choice": _("Choose someone at another table.")},
    )

    def __init__(self, *args, meeting, registration, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["other"].queryset = (
            meeting.registrations.filter(status=Registration.Status.CONFIRMED, table__isnull=False)
            .exclude(table_id=registration.table_id)
            .select_related("person")
        )


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
        choices=[("", _("Not asked"))] + list(Registration.AgeGroup.choices),
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
