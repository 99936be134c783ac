"""Forms of the collective initiatives. Photos follow the harvest's photo rules: the type is
read from the content, at most 10 MB each, and the metadata goes before storing."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from wijkdialoog.community.models import Membership
from wijkdialoog.core.forms import Form, ModelForm
from wijkdialoog.dialogues.models import Meeting
from wijkdialoog.harvest.forms import MAX_PHOTO_BYTES, PHOTO_ACCEPT, PHOTO_FORMATS, PhotoField

from .models import Initiative, TeamMember

MAX_PHOTOS = 4
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
Status = Initiative.Status


def checked_photo(image: Any) -> Any:
    if image.size > MAX_PHOTO_BYTES:
        raise ValidationError(
            _("This photo is %(size)s. It may be at most 10 MB."),
            params={"size": filesizeformat(image.size)},
        )
    # ImageField has opened it with Pillow; the name on the phone does not count.
    if getattr(image, "image", None) is None or image.image.format not in PHOTO_FORMATS:
        raise ValidationError(_("Send a photo as JPEG, PNG or WebP."))
    image.name = f"photo.{EXTENSIONS[image.image.format]}"
    return image


class MultiplePhotoInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(PhotoField):
    """Up to MAX_PHOTOS photos in one file input."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultiplePhotoInput(attrs={"accept": PHOTO_ACCEPT}))
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        files = [item for item in (data if isinstance(data, list | tuple) else [data]) if item]
        if len(files) > MAX_PHOTOS:
            raise ValidationError(
                _("Send at most %(count)d photos at once."), params={"count": MAX_PHOTOS}
            )
        return [checked_photo(super(PhotosField, self).clean(item, initial)) for item in files]


class InitiativeForm(ModelForm):
    class Meta:
        model = Initiative
        fields = ["name", "what", "why", "needs", "cards", "themes", "is_public"]
        widgets = {
            "cards": forms.CheckboxSelectMultiple,
            "themes": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "what": _("What will the neighbours do together?"),
            "why": _("Why does it matter to the neighbourhood?"),
            "needs": _(
                "For example: soil and seeds from the gemeente, two volunteers on Saturdays."
            ),
            "is_public": _("The team's names are shown only for members who agreed."),
        }

    def __init__(self, *args: Any, cards: Any, themes: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["cards"].queryset = cards
        self.fields["cards"].label_from_instance = lambda card: card.text
        self.fields["themes"].queryset = themes
        self.fields["cards"].required = self.fields["themes"].required = False


class StatusForm(Form):
    status = forms.ChoiceField(
        label=_("New status"),
        choices=[(value, label) for value, label in Status.choices if value != Status.CELEBRATED],
    )
    reason = forms.CharField(
        label=_("Why? (needed when it stops or starts again)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("status") == Status.STOPPED and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Tell us why the initiative stops."))
        return data


class TeamMemberForm(Form):
    """A resident or volunteer by name and email (they get their link by mail)."""

    first_name = forms.CharField(label=_("First name"), max_length=80)
    email = forms.EmailField(label=_("Email address"))
    kind = forms.ChoiceField(
        label=_("Role in the team"),
        choices=[(k.value, k.label) for k in (TeamMember.Kind.RESIDENT, TeamMember.Kind.VOLUNTEER)],
        initial=TeamMember.Kind.RESIDENT,
    )


class PartnerMemberForm(Form):
    membership = forms.ModelChoiceField(label=_("Partner"), queryset=Membership.objects.none())

    def __init__(self, *args: Any, partners: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["membership"]
        field.queryset = partners
        field.label_from_instance = lambda m: (
            f"{m.person.first_name} ({m.partner_organisation or m.get_partner_kind_display()})"
        )


class UpdateForm(Form):
    text = forms.CharField(
        label=_("What happened?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    photos = PhotosField(
        label=_("Photos"),
        help_text=_("At most 4 photos, JPEG, PNG or WebP, at most 10 MB each."),
    )


class ConsentForm(Form):
    name_public = forms.BooleanField(
        label=_("My first name may be shown on the public page of the initiative"),
        required=False,
    )


class CelebrationForm(Form):
    meeting = forms.ModelChoiceField(
        label=_("The celebration meeting"), queryset=Meeting.objects.none(), required=False
    )
    story = forms.CharField(
        label=_("A short story of the celebration"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    photos = PhotosField(
        label=_("Photos of the celebration"),
        help_text=_("At most 4 photos, JPEG, PNG or WebP, at most 10 MB each."),
    )

    def __init__(self, *args: Any, meetings: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings
        self.fields["meeting"].label_from_instance = lambda meeting: (
            f"{meeting.display_title}, {date_format(localtime(meeting.starts_at), 'j F Y')}"
        )


class ContactMomentForm(Form):
    """Samen verder: one planned moment when the werkgroep meets or reports."""

    on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    what = forms.CharField(
        label=_("What happens then"),
        max_length=200,
        help_text=_("For example: the werkgroep meets, or tells the neighbourhood how it goes."),
    )
