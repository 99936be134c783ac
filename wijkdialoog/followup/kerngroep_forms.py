from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkdialoog.community.models import Person
from wijkdialoog.core.forms import Form

from .models import KerngroepMember, KerngroepRole


class MemberChoiceField(forms.ModelChoiceField[KerngroepMember]):
    def label_from_instance(self, obj: KerngroepMember) -> str:
        return obj.person.first_name


class RolesForm(Form):
    roles = forms.MultipleChoiceField(
        label=_("Roles"),
        choices=KerngroepRole.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class AddMemberForm(RolesForm):
    """Someone already known to the organisation, or a new person by name and email."""

    person = forms.ModelChoiceField(
        label=_("Someone you know already"),
        queryset=Person.objects.none(),
        required=False,
        help_text=_("Or fill in a new person below."),
    )
    first_name = forms.CharField(label=_("First name"), max_length=80, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=120, required=False)
    email = forms.EmailField(
        label=_("Email address"),
        required=False,
        help_text=_("The personal link to the kerngroep page goes to this address."),
    )
    language = forms.ChoiceField(
        label=_("Language of the email"), choices=Person.Language.choices, required=False
    )

    field_order = ["person", "first_name", "last_name", "email", "language", "roles"]

    def __init__(self, *args: Any, organisation_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.filter(
            organisation_id=organisation_id
        ).order_by("first_name", "last_name", "pk")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("person") and not data.get("first_name"):
            self.add_error("first_name", _("Choose someone you know, or fill in the first name."))
        return data


class TaskForm(Form):
    text = forms.CharField(label=_("Task"), max_length=200)
    owner = MemberChoiceField(
        label=_("Who does it?"), queryset=KerngroepMember.objects.none(), required=False
    )
    due_on = forms.DateField(
        label=_("Due date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("For example: 2027-03-15."),
    )

    def __init__(self, *args: Any, series_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = KerngroepMember.objects.filter(
            series_id=series_id, left_at__isnull=True
        ).select_related("person")
