"""The forms of the organiser's course pages: a course, a session (dagdeel), a material."""

from decimal import Decimal
from typing import Any

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from wijkdialoog.community.models import Organisation
from wijkdialoog.core.forms import ModelForm
from wijkdialoog.dialogues.models import Venue

from .courses import trainers_of
from .models import Course, CourseMaterial, CourseSession, Leergang

MAX_MATERIAL_BYTES = 20 * 1024 * 1024
MATERIAL_EXTENSIONS = {"pdf", "docx", "pptx", "xlsx", "odt", "odp", "jpg", "jpeg", "png"}
MATERIAL_ACCEPT = ",".join(f".{extension}" for extension in sorted(MATERIAL_EXTENSIONS))


class DateTimeInput(forms.DateTimeInput):
    """The browser's own date and time picker."""

    input_type = "datetime-local"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M")


class CourseForm(ModelForm):
    price = forms.DecimalField(
        label=_("Price in euros"),
        required=False,
        min_value=Decimal("0"),
        max_digits=8,
        decimal_places=2,
        localize=True,
        help_text=_("Leave empty when the course is free."),
    )

    class Meta:
        model = Course
        fields = [
            "kind",
            "leergang",
            "title",
            "title_en",
            "learning_goals",
            "learning_goals_en",
            "for_whom",
            "for_whom_en",
            "trainers",
            "open_to_other_organisations",
            "price_note",
            "price_note_en",
            "is_published",
        ]
        widgets = {
            "trainers": forms.CheckboxSelectMultiple,
            "learning_goals": forms.Textarea(attrs={"rows": 4}),
            "learning_goals_en": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["leergang"].queryset = Leergang.objects.filter(organisation=organisation)
        self.fields["trainers"].queryset = trainers_of(organisation)
        if self.instance.price_cents is not None:
            self.fields["price"].initial = Decimal(self.instance.price_cents) / 100

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        price = cleaned.get("price")
        self.instance.price_cents = None if price is None else int(price * 100)
        return cleaned


class SessionForm(ModelForm):
    class Meta:
        model = CourseSession
        fields = [
            "number",
            "title",
            "title_en",
            "starts_at",
            "ends_at",
            "venue",
            "online_link",
            "capacity",
            "required_for_certification",
        ]
        widgets = {"starts_at": DateTimeInput(), "ends_at": DateTimeInput()}

    def __init__(self, *args: Any, course: Course, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.course = course
        self.fields["venue"].queryset = Venue.objects.filter(organisation_id=course.organisation_id)
        self.fields["capacity"].min_value = 1
        self.fields["capacity"].widget.attrs["min"] = 1
        if not self.instance.pk:
            self.fields["number"].initial = course.sessions.count() + 1

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The session must end after it starts."))
        if not cleaned.get("venue") and not cleaned.get("online_link"):
            self.add_error("venue", _("Choose a venue, or give an online link."))
        capacity = cleaned.get("capacity")
        if capacity is not None and capacity < 1:
            self.add_error("capacity", _("A session has at least one place."))
        return cleaned


class MaterialForm(ModelForm):
    class Meta:
        model = CourseMaterial
        fields = ["title", "session", "file", "link"]
        widgets = {"file": forms.ClearableFileInput(attrs={"accept": MATERIAL_ACCEPT})}
        help_texts = {
            "file": _("PDF, Word, PowerPoint, Excel, OpenDocument or a photo; at most 20 MB."),
            "link": _("Or a link to a page or video, instead of a file."),
        }

    def __init__(self, *args: Any, course: Course, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.course = course
        self.fields["session"].queryset = course.sessions.all()
        self.fields["session"].required = False

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if not upload:
            return upload
        if upload.size > MAX_MATERIAL_BYTES:
            raise forms.ValidationError(
                _("This file is %(size)s. It may be at most 20 MB."),
                params={"size": filesizeformat(upload.size)},
            )
        extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if extension not in MATERIAL_EXTENSIONS:
            raise forms.ValidationError(
                _("Send a PDF, Word, PowerPoint, Excel, OpenDocument file or a photo.")
            )
        return upload

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if "file" not in self.errors and bool(cleaned.get("file")) == bool(cleaned.get("link")):
            self.add_error("file", _("Add either a file or a link."))
        return cleaned


class LeergangForm(ModelForm):
    class Meta:
        model = Leergang
        fields = ["name", "name_en", "description", "description_en"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "description_en": forms.Textarea(attrs={"rows": 3}),
        }
