"""Forms of facilitator mode and the participant pages."""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.forms import Form
from wijkdialoog.methods.kinds import CardKind

from .models import Card

Publication = Card.Publication
MAX_PHOTO_BYTES = 10 * 1024 * 1024
PHOTO_FORMATS = {"JPEG", "PNG", "WEBP"}
PHOTO_ACCEPT = "image/jpeg,image/png,image/webp"

# The publication levels in plain words, as they are agreed with the person at the table.
PUBLICATION_CHOICES = [
    (
        Publication.PUBLIC,
        _("Public, with first name: everyone may read it, with the first name."),
    ),
    (
        Publication.ANONYMOUS,
        _("Public, without name: everyone may read it, but not who said it."),
    ),
    (
        Publication.INTERNAL,
        _("Internal only: only the organisers read it. It is never shown in public."),
    ),
]


def kind_choices(first_kinds) -> list:
    """All kinds of card, the ones this phase collects first (in a group of their own)."""
    first = [kind for kind in first_kinds or [] if kind in CardKind.values]
    labels = dict(CardKind.choices)
    if not first:
        return list(CardKind.choices)
    rest = [kind for kind in CardKind.values if kind not in first]
    return [
        (_("In this phase"), [(kind, labels[kind]) for kind in first]),
        (_("Other kinds"), [(kind, labels[kind]) for kind in rest]),
    ]


class _CardFields(Form):
    """What every card form has: the device id, the kind, the text, a first name and who may
    see it. The device id is made when the form is shown; the capture script replaces it with
    one made on the device for each card."""

    client_id = forms.UUIDField(widget=forms.HiddenInput)
    kind = forms.ChoiceField(label=_("Kind of card"))
    text = forms.CharField(
        label=_("What was said"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    first_name = forms.CharField(
        label=_("First name"),
        max_length=80,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        help_text=_("Only when the person agrees."),
    )
    publication = forms.ChoiceField(
        label=_("Who may see this card?"),
        choices=PUBLICATION_CHOICES,
        initial=Publication.ANONYMOUS,
        widget=forms.RadioSelect,
    )

    # The phase the card was written in, which may lie behind when it waited on the device.
    phase_id = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, phase=None, phases=(), **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("client_id", uuid.uuid4())
        super().__init__(*args, **kwargs)
        self.phase = phase
        self.phases = {p.pk: p for p in phases}
        self.fields["kind"].choices = kind_choices(phase.card_kinds if phase else [])
        if phase and phase.card_kinds:
            self.fields["kind"].initial = phase.card_kinds[0]
        if phase is not None:
            self.fields["phase_id"].initial = phase.pk

    def clean_phase_id(self):
        phase_id = self.cleaned_data.get("phase_id")
        if phase_id is None:
            return self.phase
        phase = self.phases.get(phase_id)
        if phase is None:
            raise ValidationError(_("This phase is not part of this conversation."))
        return phase


class CardForm(_CardFields):
    """A card captured by the facilitator or harvester, with one hand: the kinds and the people
    at the table are chips to tap (radio buttons), not lists to scroll."""

    kind = forms.ChoiceField(  # type: ignore[call-arg]  # stubs: template_name only on Field
        label=_("Kind of card"), widget=forms.RadioSelect, template_name="harvest/forms/chips.html"
    )
    person = forms.ChoiceField(  # type: ignore[call-arg]  # stubs: template_name only on Field
        label=_("Who said it?"),
        required=False,
        widget=forms.RadioSelect,
        template_name="harvest/forms/chips.html",
        help_text=_(
            "The name is shown only when the person agrees (public, with first name). "
            "A personal action stays private to this person until they share it."
        ),
    )
    # The name comes from the people at the table, so the free text field is not there.
    first_name = None  # type: ignore[assignment]  # Django's way to drop an inherited field

    field_order = ["kind", "text", "person", "publication"]

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {str(r.pk): r for r in people}
        kind = self.fields["kind"]
        first = [k for k in (self.phase.card_kinds if self.phase else []) if k in CardKind.values]
        labels = dict(CardKind.choices)
        kind.choices = [(k, labels[k]) for k in first] + [
            (k, labels[k]) for k in CardKind.values if k not in first
        ]
        # The chip template shows these first and folds the other kinds away.
        kind.first_kinds = first
        kind.initial = first[0] if first else CardKind.EXPERIENCE
        self.fields["person"].choices = [("", _("No name"))] + [
            (key, r.person.first_name) for key, r in self.people.items()
        ]
        self.fields["person"].initial = ""

    def chosen(self):
        return self.people.get(self.cleaned_data.get("person") or "")

    def chosen_first_name(self) -> str:
        registration = self.chosen()
        return registration.person.first_name if registration else ""

    def owner_person(self):
        """Whose step a personal action is; other kinds of card belong to nobody."""
        registration = self.chosen()
        if registration is None or self.cleaned_data.get("kind") != CardKind.PERSONAL_ACTION:
            return None
        return registration.person


class ParticipantCardForm(_CardFields):
    """A card a participant writes on their own phone, through the QR code on the table."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = _("What do you want to keep from this conversation?")
        self.fields["first_name"].help_text = _("Optional. Leave it empty if you like.")
        self.fields["kind"].label = _("What is it?")


class PhotoField(forms.ImageField):
    """An image that Pillow can open; the type is checked on the content, in plain words, not
    on the name against Django's list of every extension Pillow knows."""

    default_validators = []
    default_error_messages = {
        "invalid_image": _("Send a photo as JPEG, PNG or WebP."),
        "empty": _("This file is empty. Choose a photo."),
        "required": _("Choose a photo."),
    }


class PhotoForm(Form):
    client_id = forms.UUIDField(widget=forms.HiddenInput)
    image = PhotoField(
        label=_("Photo"),
        help_text=_("A photo of a flip-chart or of paper cards. JPEG, PNG or WebP, at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": PHOTO_ACCEPT}),
    )
    caption = forms.CharField(label=_("Caption"), max_length=200, required=False)
    publication = forms.ChoiceField(
        label=_("Who may see this photo?"),
        choices=PUBLICATION_CHOICES,
        initial=Publication.INTERNAL,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("client_id", uuid.uuid4())
        super().__init__(*args, **kwargs)

    def clean_image(self):
        image = self.cleaned_data["image"]
        if image.size > MAX_PHOTO_BYTES:
            raise ValidationError(
                _("This photo is %(size)s. It may be at most 10 MB."),
                params={"size": filesizeformat(image.size)},
            )
        # ImageField has opened it with Pillow; the name on the phone does not count.
        if getattr(image, "image", None) is None or image.image.format not in PHOTO_FORMATS:
            raise ValidationError(_("Send a photo as JPEG, PNG or WebP."))
        extension = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}[image.image.format]
        image.name = f"photo.{extension}"
        return image


class CloseForm(Form):
    closing_note = forms.CharField(
        label=_("Closing note"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "How did it go? What should the organisers know? Only the organisers read this."
        ),
    )


class KomErbijForm(Form):
    ask_kom_erbij = forms.BooleanField(
        label=_("Ask the Kom erbij questions in the evaluation of this series"),
        required=False,
        help_text=_(
            "Six questions from the short loneliness scale of De Jong Gierveld (in the words of "
            "CBS), at the first and at later meetings. Residents see them as “Kom erbij”. You see "
            "only totals, before and after, and only from 5 people on."
        ),
    )
