from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, SetPasswordForm
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.dates import TRAINING_YEARS, limit_field
from wijkdialoog.core.forms import Form, ModelForm, StyledFormMixin

from .models import Membership, Neighbourhood, Organisation, Person
from .person_picker import PersonChoiceField


class LoginForm(StyledFormMixin, AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "This email address and password do not match. Check both, or ask for a login link."
        ),
        "inactive": _("This login is no longer active."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Email address")
        self.fields["username"].widget.attrs.update(
            autocomplete="email", inputmode="email", autocapitalize="none"
        )

    def clean_username(self):
        # Logins are stored in lowercase; phones often capitalise the first letter.
        return self.cleaned_data["username"].lower()


class PasswordForm(StyledFormMixin, SetPasswordForm):
    """A new password without the old one: only right after a login link was used."""


class PasswordChangeWithOldForm(StyledFormMixin, PasswordChangeForm):
    """A new password for someone who has one: the current password proves it is them."""

    error_messages = {
        **PasswordChangeForm.error_messages,
        "password_incorrect": _(
            "This is not your current password. Forgot it? Ask for a login link instead."
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = _("Current password")


class MagicLinkForm(Form):
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("We send a link to this address. The link works only once."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Fill in your email address."),
            "invalid": _("Fill in a valid email address, such as name@example.nl."),
        },
    )


class OrganisationContactForm(ModelForm):
    """The phone number and email address every public page shows to residents."""

    class Meta:
        model = Organisation
        fields = ["phone", "contact_email"]

    def clean_phone(self):
        return " ".join(self.cleaned_data["phone"].split())


class NeighbourhoodForm(ModelForm):
    class Meta:
        model = Neighbourhood
        fields = ["name", "slug", "kind", "municipality", "cbs_code", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "slug": _("Lowercase letters, digits and dashes, for example: oud-west."),
        }

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation

    def clean_cbs_code(self):
        return self.cleaned_data["cbs_code"].strip().upper()

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        taken = Neighbourhood.objects.filter(organisation=self.organisation, slug=slug)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(_("Another neighbourhood already uses this short name."))
        return slug


class PersonForm(ModelForm):
    class Meta:
        model = Person
        fields = ["first_name", "last_name", "email", "phone", "language", "neighbourhood"]
        widgets = {
            "email": forms.EmailInput(attrs={"autocomplete": "off"}),
            "phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
        }

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["neighbourhood"].queryset = organisation.neighbourhoods.all()

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if email:
            taken = Person.objects.filter(organisation=self.organisation, email__iexact=email)
            if self.instance.pk:
                taken = taken.exclude(pk=self.instance.pk)
            if taken.exists():
                raise forms.ValidationError(_("Someone else already has this email address."))
        return email

    def clean_phone(self):
        phone = " ".join(self.cleaned_data["phone"].split())
        digits = [c for c in phone if c.isdigit()]
        if phone and (len(digits) < 9 or any(c not in "+0123456789 -()" for c in phone)):
            raise forms.ValidationError(_("Fill in a phone number, such as 06 12345678."))
        return phone


class InviteForm(Form):
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[
            (Membership.Role.FACILITATOR, _("facilitator (dialoogbegeleider)")),
            (Membership.Role.PARTNER, _("partner")),
            (Membership.Role.ORGANISER, _("organiser")),
            (Membership.Role.TRAINER, _("trainer")),
        ],
        widget=forms.RadioSelect,
    )
    first_name = forms.CharField(label=_("First name"), max_length=80)
    last_name = forms.CharField(label=_("Last name"), max_length=120, required=False)
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("The invitation with a login link goes to this address."),
        error_messages={"invalid": _("Fill in a valid email address, such as name@example.nl.")},
    )
    language = forms.ChoiceField(
        label=_("Language of the invitation"), choices=Person.Language.choices
    )
    partner_kind = forms.ChoiceField(
        label=_("Kind of partner"),
        choices=[("", "—"), *Membership.PartnerKind.choices],
        required=False,
        help_text=_("Only for partners."),
    )
    partner_organisation = forms.CharField(
        label=_("Partner organisation"),
        max_length=150,
        required=False,
        help_text=_("Only for partners. For example: Gemeente Zaanstad."),
    )

    def clean(self):
        data = super().clean()
        if data.get("role") == Membership.Role.PARTNER:
            if not data.get("partner_kind"):
                self.add_error("partner_kind", _("Choose what kind of partner this is."))
            if not data.get("partner_organisation", "").strip():
                self.add_error("partner_organisation", _("Fill in the partner's organisation."))
        return data


class TrainingForm(Form):
    trained_since = forms.DateField(
        label=_("Trained since"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Fill in a date, such as 2026-03-14.")},
    )
    trained_by = PersonChoiceField(
        label=_("Trained by"), queryset=Person.objects.none(), required=False
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        limit_field(self.fields["trained_since"], TRAINING_YEARS, with_time=False)
        self.fields["trained_since"].widget.attrs["max"] = timezone.localdate().isoformat()
        self.fields["trained_by"].queryset = Person.objects.filter(
            organisation=organisation, memberships__role=Membership.Role.TRAINER
        ).distinct()

    def clean_trained_since(self):
        value = self.cleaned_data["trained_since"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The training date cannot be in the future."))
        return value
