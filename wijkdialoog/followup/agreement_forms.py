"""Forms of the wijkafspraken and the questions for partners."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkdialoog.community.models import Membership, Person
from wijkdialoog.core.forms import Form

from .models import AgreementParty, AgreementStatus

PARTY_RESPONSES = [
    (AgreementParty.Response.COMMITTED.value, _("We commit to this")),
    (AgreementParty.Response.DECLINED.value, _("We cannot do this")),
]


class AgreementForm(Form):
    title = forms.CharField(label=_("What is agreed"), max_length=200)
    title_en = forms.CharField(
        label=_("What is agreed, in English"),
        max_length=200,
        required=False,
        help_text=_("Optional. English pages show the Dutch text when this is empty."),
    )
    description = forms.CharField(
        label=_("More about it"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    description_en = forms.CharField(
        label=_("More about it, in English"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    is_public = forms.BooleanField(
        label=_("Show on the neighbourhood page"),
        help_text=_("Neighbours see what is agreed, its status and the latest update."),
        required=False,
    )


class PartyForm(Form):
    """A partner (kind or name) or a resident of the organisation, and their commitment."""

    partner_kind = forms.ChoiceField(
        label=_("Kind of partner"),
        choices=[("", _("Not a partner"))] + list(Membership.PartnerKind.choices),
        required=False,
    )
    partner_name = forms.CharField(
        label=_("Name of the partner organisation"),
        max_length=150,
        required=False,
        help_text=_("With a name, only partners with that name see it; without, all of the kind."),
    )
    person = forms.ModelChoiceField(
        label=_("Or a resident"),
        queryset=Person.objects.none(),
        required=False,
        help_text=_("The resident gets a personal link by email to keep their part up to date."),
    )
    commitment = forms.CharField(
        label=_("Who does what"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )
    due_on = forms.DateField(
        label=_("By when"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, organisation_id: int = 0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people = Person.objects.filter(organisation_id=organisation_id).order_by("first_name", "pk")
        self.fields["person"].queryset = people

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        partner = data.get("partner_kind") or (data.get("partner_name") or "").strip()
        if partner and data.get("person"):
            self.add_error("person", _("Choose a partner or a resident, not both."))
        elif not partner and not data.get("person"):
            self.add_error("partner_kind", _("Choose a kind of partner, a name or a resident."))
        return data


class StatusForm(Form):
    status = forms.ChoiceField(label=_("Status"), choices=AgreementStatus.choices)
    text = forms.CharField(
        label=_("Why, or what happened"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class PartyUpdateForm(Form):
    """A party's own update on its commitment."""

    status = forms.ChoiceField(
        label=_("How is your part going?"),
        choices=[("", _("No change"))] + list(AgreementStatus.choices),
        required=False,
    )
    text = forms.CharField(
        label=_("What happened"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RespondForm(Form):
    response = forms.ChoiceField(
        label=_("Your answer"), choices=PARTY_RESPONSES, widget=forms.RadioSelect
    )
    reason = forms.CharField(label=_("Reason, if you cannot"), max_length=500, required=False)


class RouteForm(Form):
    partner_kind = forms.ChoiceField(
        label=_("Kind of partner"),
        choices=[("", _("Choose…"))] + list(Membership.PartnerKind.choices),
        required=False,
    )
    partner_name = forms.CharField(label=_("Or the partner's name"), max_length=150, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("partner_kind") and not (data.get("partner_name") or "").strip():
            self.add_error("partner_kind", _("Choose a kind of partner or type its name."))
        return data


class AnswerForm(Form):
    answer = forms.CharField(
        label=_("Your answer"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    is_public = forms.BooleanField(
        label=_("Show this answer with the public card"),
        required=False,
        help_text=_("Residents then see it as the reaction of your organisation."),
    )
    decline_reason = forms.CharField(
        label=_("Or: why you cannot answer this"), max_length=500, required=False
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        answer = (data.get("answer") or "").strip()
        reason = (data.get("decline_reason") or "").strip()
        if not answer and not reason:
            self.add_error("answer", _("Write an answer, or say why you cannot answer."))
        elif answer and reason:
            self.add_error("decline_reason", _("Give an answer or a reason, not both."))
        return data
