"""Forms for registering: by yourself, on someone's behalf, and changing it later."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wijkdialoog.community.models import Person
from wijkdialoog.core.forms import Form

from .intake import normalise_phone
from .models import Registration, age_group_choices
from .registering import MAX_COMPANIONS

FIRST_TIME_CHOICES = [("yes", _("This is my first time")), ("no", _("I have been before"))]
# One text input per person who comes along (MAX_COMPANIONS); no JavaScript needed.
COMPANION_FIELDS = [f"companion_{n}" for n in range(1, MAX_COMPANIONS + 1)]
# Fields not marked "(optional)": email and phone (one of them is needed) and the companions
# (their heading says it is optional).
PLAIN_FIELD = "registrations/includes/field_plain.html"


def _clean_phone(value: str) -> str:
    phone = " ".join(value.split())
    if phone:
        allowed = set("0123456789+-() ./")
        if not set(phone) <= allowed or len(normalise_phone(phone)) < 6:
            raise forms.ValidationError(
                _("Fill in a phone number with digits only, such as 06 1234 5678.")
            )
    return phone


def _first_time(value: str) -> bool | None:
    return {"yes": True, "no": False}.get(value)


def _companion_field() -> forms.CharField:
    return forms.CharField(  # type: ignore[call-arg]  # stubs: template_name only on Field
        max_length=80,
        required=False,
        template_name=PLAIN_FIELD,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


def _first_name_field() -> forms.CharField:
    return forms.CharField(
        label=_("Your first name"),
        max_length=80,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )


def _email_field(help_text) -> forms.EmailField:
    """Email and phone are each optional; the form asks for one of them."""
    return forms.EmailField(  # type: ignore[call-arg]  # stubs: template_name only on Field
        label=_("Email address"),
        required=False,
        template_name=PLAIN_FIELD,
        help_text=help_text,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


def _phone_field(help_text="") -> forms.CharField:
    return forms.CharField(  # type: ignore[call-arg]  # stubs: template_name only on Field
        label=_("Phone number"),
        max_length=30,
        required=False,
        template_name=PLAIN_FIELD,
        help_text=help_text,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel", "type": "tel"}),
    )


class FactsForm(Form):
    """The optional facts, used only to mix tables and to make sure everyone can take part."""

    age_group = forms.ChoiceField(
        label=_("Age group"),
        choices=age_group_choices,
        required=False,
        widget=forms.RadioSelect,
    )
    relation = forms.ChoiceField(
        label=_("What is your link to the neighbourhood?"),
        choices=Registration.Relation.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    languages = forms.CharField(
        label=_("Languages you speak"),
        max_length=200,
        required=False,
        help_text=_("For example: Dutch, Arabic, English."),
    )
    access_needs = forms.CharField(
        label=_("What do you need to take part?"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: a wheelchair place, a hearing loop, help with reading."),
    )
    first_time = forms.ChoiceField(
        label=_("Have you been to a wijkdialoog before?"),
        choices=FIRST_TIME_CHOICES,
        required=False,
        widget=forms.RadioSelect,
    )

    companion_1 = _companion_field()
    companion_2 = _companion_field()
    companion_3 = _companion_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A row with an age group of the old grouping keeps it when edited.
        self.fields["age_group"].choices = age_group_choices(self.initial.get("age_group") or "")
        for number, name in enumerate(COMPANION_FIELDS, start=1):
            self.fields[name].label = gettext("First name of person %(number)s") % {
                "number": number
            }

    def facts(self) -> dict:
        data = self.cleaned_data
        return {
            "age_group": data["age_group"],
            "relation": data["relation"],
            "languages": data["languages"],
            "access_needs": data["access_needs"],
            "first_time": _first_time(data["first_time"]),
        }

    def companions(self) -> list[str]:
        return [self.cleaned_data[name] for name in COMPANION_FIELDS]

    def companion_fields(self):
        return [self[name] for name in COMPANION_FIELDS]

    def fact_fields(self):
        return [self[name] for name in ("age_group", "relation", "languages", "access_needs")]

    def companions_are_filled_in(self) -> bool:
        """Open the folded part on a form shown again: what was typed, or an error, stays seen."""
        return _filled_in_or_wrong(self.companion_fields())

    def questions_are_filled_in(self) -> bool:
        return _filled_in_or_wrong([*self.fact_fields(), self["first_time"]])


def _filled_in_or_wrong(fields) -> bool:
    return any(field.errors or (field.form.is_bound and field.data) for field in fields)


class RegisterForm(FactsForm):
    """Registering yourself: a first name and a way to reach you; everything else optional."""

    first_name = _first_name_field()
    email = _email_field(_("You get a confirmation with a link to change or cancel."))
    phone = _phone_field(
        _("No email? Then fill in your phone number. We only call about this meeting.")
    )
    consent = forms.BooleanField(
        label=_("Yes, I agree that my details are stored for this purpose."),
        error_messages={"required": _("Tick the box to agree, or you cannot register.")},
    )
    keep_me_posted = forms.BooleanField(
        label=_("Keep me posted"),
        required=False,
        help_text=_(
            "Optional. We send you an email about what happens with the results of this "
            "dialogue, in your language. We use your email address only for that. You can "
            "stop it with one click in every email."
        ),
    )

    field_order = ["first_name", "email", "phone"]

    def clean_phone(self) -> str:
        return _clean_phone(self.cleaned_data["phone"])

    def clean(self):
        data = super().clean()
        if (
            "email" not in self.errors
            and "phone" not in self.errors
            and not data.get("email")
            and not data.get("phone")
        ):
            self.add_error("email", _("Fill in an email address or a phone number."))
        return data


class OnBehalfForm(RegisterForm):
    """A volunteer or organiser registers someone who called or handed in a paper form."""

    source = forms.ChoiceField(
        label=_("How did this registration reach you?"),
        choices=[
            (Registration.Source.PHONE, Registration.Source.PHONE.label),
            (Registration.Source.PAPER, Registration.Source.PAPER.label),
        ],
        initial=Registration.Source.PHONE,
        widget=forms.RadioSelect,
    )
    language = forms.ChoiceField(
        label=_("Language for mail"),
        choices=Person.Language.choices,
        initial=Person.Language.DUTCH,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].label = _("First name")
        self.fields["email"].help_text = _("With an email address they get a confirmation.")
        self.fields["phone"].help_text = ""
        self.fields["relation"].label = _("Link to the neighbourhood")
        self.fields["access_needs"].label = _("What do they need to take part?")
        self.fields["first_time"].label = _("Been to a wijkdialoog before?")
        self.fields["languages"].label = _("Languages spoken")
        self.fields["consent"].label = _(
            "I read out the purpose and how long we keep the details, and they agreed."
        )
        self.fields["keep_me_posted"].label = _(
            "They want to be kept posted about what happens with the results (by email)"
        )


class ChangeForm(FactsForm):
    """The manage page: change the optional facts and who comes along."""

    @classmethod
    def for_registration(cls, registration: Registration, companions, data=None):
        initial = {
            "age_group": registration.age_group,
            "relation": registration.relation,
            "languages": registration.languages,
            "access_needs": registration.access_needs,
            "first_time": {True: "yes", False: "no", None: ""}[registration.first_time],
        }
        for name, companion in zip(COMPANION_FIELDS, companions, strict=False):
            initial[name] = companion.person.first_name
        return cls(data, initial=initial)


class ContactForm(Form):
    """The manage page: how we call you and how we reach you."""

    first_name = _first_name_field()
    email = _email_field(
        _("A new address counts once you confirm it: we send a link to the new address.")
    )
    phone = _phone_field()

    @classmethod
    def for_person(cls, person: Person, data=None):
        initial = {"first_name": person.first_name, "email": person.email, "phone": person.phone}
        return cls(data, initial=initial)

    def clean_first_name(self) -> str:
        return " ".join(self.cleaned_data["first_name"].split())

    def clean_phone(self) -> str:
        return _clean_phone(self.cleaned_data["phone"])

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("email") and not data.get("phone"):
            self.add_error("email", _("Fill in an email address or a phone number."))
        return data
