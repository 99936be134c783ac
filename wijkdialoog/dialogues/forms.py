from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wijkdialoog.community.models import Membership, Person
from wijkdialoog.community.person_picker import (
    MULTIPLE_HELP,
    PersonChoiceField,
    PersonMultipleChoiceField,
    person_label,
)
from wijkdialoog.core.dates import PLANNING_YEARS, limit_field
from wijkdialoog.core.forms import Form, ModelForm
from wijkdialoog.core.readability import add_hints
from wijkdialoog.methods.selection import choosable_methods

from .models import MAX_SEATS, MIN_SEATS, Meeting, Series, Table, Venue
from .planning import VENUE_FIELDS

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"
DATETIME_ERROR = _("Fill in a date and time, such as 14-03-2026 19:30.")


class DateTimeInput(forms.DateTimeInput):
    """The browser's own date and time picker; the value is local time (Europe/Amsterdam)."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format=DATETIME_FORMAT)


ENGLISH_HELP = _("For visitors who read English. Empty: they see the Dutch text.")


def _english_fields(form: forms.BaseForm) -> None:
    """The optional English versions of public texts: marked as English for spelling and
    screen readers, with one short explanation."""
    for name, field in form.fields.items():
        if name.endswith("_en"):
            field.widget.attrs["lang"] = "en"
            field.help_text = ENGLISH_HELP


def _datetime_field(field: forms.DateTimeField) -> None:
    field.input_formats = [DATETIME_FORMAT, "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M"]
    field.error_messages["invalid"] = DATETIME_ERROR
    limit_field(field, PLANNING_YEARS, with_time=True)


class VenueForm(ModelForm):
    class Meta:
        model = Venue
        fields = list(VENUE_FIELDS)
        widgets = {
            "notes": forms.Textarea(attrs={"rows": 3}),
            "notes_en": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "step_free_entrance": _("No steps or thresholds, or a ramp, to get in."),
            "notes": _("For example: the room is on the first floor, there is a lift."),
        }
        error_messages = {
            "name": {"required": _("Fill in the name of the venue.")},
            "street_address": {"required": _("Fill in the street and house number.")},
            "city": {"required": _("Fill in the town or city.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _english_fields(self)

    def clean_postcode(self):
        postcode = " ".join(self.cleaned_data["postcode"].upper().split())
        compact = postcode.replace(" ", "")
        if compact and not (len(compact) == 6 and compact[:4].isdigit() and compact[4:].isalpha()):
            raise forms.ValidationError(_("Fill in a postcode such as 1234 AB."))
        return f"{compact[:4]} {compact[4:]}" if compact else ""


class SeriesForm(ModelForm):
    class Meta:
        model = Series
        fields = [
            "neighbourhood",
            "theme",
            "theme_en",
            "slug",
            "description",
            "description_en",
            "initiators",
            "cadence_weeks",
            "default_method",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 4}),
        }
        field_classes = {"initiators": PersonMultipleChoiceField}
        help_texts = {
            "slug": _(
                "Lowercase letters, digits and dashes, such as thuis-in-de-buurt. "
                "Empty: made from the theme."
            ),
            "initiators": _("Residents who started this dialogue or help to carry it."),
        }
        error_messages = {
            "theme": {"required": _("Fill in the theme.")},
            "description": {"required": _("Describe the dialogue in a few plain sentences.")},
            "cadence_weeks": {
                "min_value": _("Fill in a number of weeks from 1 to 52."),
                "max_value": _("Fill in a number of weeks from 1 to 52."),
                "invalid": _("Fill in a number of weeks from 1 to 52."),
            },
        }

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.instance.organisation = organisation
        self.fields["neighbourhood"].queryset = organisation.neighbourhoods.all()
        self.fields["neighbourhood"].empty_label = None
        self.fields["neighbourhood"].error_messages["required"] = _("Choose a neighbourhood.")
        initiators = self.fields["initiators"]
        initiators.queryset = organisation.people.select_related("neighbourhood")
        initiators.help_text = f"{initiators.help_text} {MULTIPLE_HELP}"
        add_hints(self, ("description",))
        self.fields["slug"].required = False
        self.fields["default_method"].queryset = choosable_methods(organisation)
        _english_fields(self)

    def clean_slug(self):
        return self.cleaned_data["slug"] or slugify(self.data.get(self.add_prefix("theme"), ""))

    def clean(self):
        data = super().clean()
        slug, neighbourhood = data.get("slug"), data.get("neighbourhood")
        if "slug" in data and not slug:
            self.add_error("slug", _("Fill in a short name for the web address."))
        elif slug and neighbourhood:
            taken = Series.objects.filter(neighbourhood=neighbourhood, slug=slug)
            if self.instance.pk:
                taken = taken.exclude(pk=self.instance.pk)
            if taken.exists():
                self.add_error(
                    "slug",
                    _("Another dialogue in this neighbourhood already uses this short name."),
                )
        return data


class MeetingForm(ModelForm):
    class Meta:
        model = Meeting
        fields = [
            "kind",
            "title",
            "starts_at",
            "ends_at",
            "venue",
            "method",
            "what_to_expect",
            "what_to_expect_en",
            "publish_at",
            "registration_closes_at",
            "reminder_hours_before",
        ]
        widgets = {
            "what_to_expect": forms.Textarea(attrs={"rows": 5}),
            "what_to_expect_en": forms.Textarea(attrs={"rows": 5}),
            "starts_at": DateTimeInput(),
            "ends_at": DateTimeInput(),
            "publish_at": DateTimeInput(),
            "registration_closes_at": DateTimeInput(),
        }
        help_texts = {
            "title": _("Empty: the kind of meeting and the theme."),
            "publish_at": _(
                "From this moment the meeting is shown publicly and people can register. "
                "Empty: not published yet."
            ),
        }
        error_messages = {
            "starts_at": {"required": _("Fill in when the meeting starts.")},
            "ends_at": {"required": _("Fill in when the meeting ends.")},
            "reminder_hours_before": {
                "max_value": _("A reminder can be sent at most 336 hours (two weeks) before."),
                "invalid": _("Fill in a whole number of hours, such as 48."),
                "required": _("Fill in a number of hours, such as 48."),
            },
        }

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("starts_at", "ends_at", "publish_at", "registration_closes_at"):
            _datetime_field(self.fields[name])
        self.fields["venue"].queryset = organisation.venues.all()
        self.fields["venue"].empty_label = _("Not known yet")
        self.fields["method"].queryset = choosable_methods(organisation)
        self.fields["method"].empty_label = _("The default method of the series")
        _english_fields(self)
        add_hints(self, ("what_to_expect",))

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_at"), data.get("ends_at")
        closes, publish = data.get("registration_closes_at"), data.get("publish_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The end must be after the start."))
        elif closes and ends and closes > ends:
            self.add_error(
                "registration_closes_at", _("Registration must close before the meeting ends.")
            )
        if publish and starts and publish >= starts:
            self.add_error("publish_at", _("Publish the meeting before it starts."))
        return data


class CancelMeetingForm(Form):
    reason = forms.CharField(
        label=_("Reason (for the history of changes)"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


def _person_label(person: Person, trained_ids: set[int]) -> str:
    if person.pk in trained_ids:
        return person_label(person)
    return _("%(name)s (not trained)") % {"name": person_label(person)}


class TableForm(ModelForm):
    """The facilitator rule itself lives in planning.check_facilitator; the view adds its
    errors to this form so they show next to the fields."""

    facilitator_override_reason = forms.CharField(
        label=_("Reason for an untrained facilitator"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Only needed when the facilitator has not been trained. "
            "It is kept in the history of changes."
        ),
    )

    field_order = [
        "number",
        "name",
        "seats",
        "language",
        "facilitator",
        "facilitator_override_reason",
        "harvester",
    ]

    class Meta:
        model = Table
        fields = ["number", "name", "seats", "language", "facilitator", "harvester"]
        field_classes = {"facilitator": PersonChoiceField, "harvester": PersonChoiceField}
        help_texts = {
            "name": _("For example: Table by the window."),
            "seats": _("From 4 to 9. Most tables have 6 to 8 seats."),
            "facilitator": _("Only trained facilitators, unless you give a reason below."),
            "harvester": _("Someone who writes down what the table harvests."),
        }
        error_messages = {
            "number": {
                "required": _("Fill in a table number."),
                "invalid": _("Fill in a whole number, such as 3."),
            },
        }

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        organisation_id = meeting.organisation_id
        staff = Membership.objects.filter(
            person__organisation_id=organisation_id,
            is_active=True,
            role__in=[Membership.Role.FACILITATOR, Membership.Role.ORGANISER],
        )
        trained_ids = set(
            staff.filter(role=Membership.Role.FACILITATOR, trained_since__isnull=False).values_list(
                "person_id", flat=True
            )
        )
        candidates = list(
            Person.objects.filter(pk__in=staff.values("person_id"))
            .select_related("neighbourhood")
            .order_by("first_name", "last_name", "pk")
        )
        # Trained facilitators first; the others only with a reason.
        candidates.sort(key=lambda p: p.pk not in trained_ids)
        field = self.fields["facilitator"]
        field.queryset = Person.objects.filter(pk__in=[p.pk for p in candidates])
        field.choices = [("", _("Nobody yet"))] + [
            (p.pk, _person_label(p, trained_ids)) for p in candidates
        ]
        self.fields["harvester"].queryset = Person.objects.filter(
            organisation_id=organisation_id
        ).select_related("neighbourhood")
        self.fields["harvester"].empty_label = _("Nobody")
        seats = self.fields["seats"]
        seats.widget.attrs.update(min=MIN_SEATS, max=MAX_SEATS)
        message = _("A table has from %(min)s to %(max)s seats.") % {
            "min": MIN_SEATS,
            "max": MAX_SEATS,
        }
        for key in ("min_value", "max_value", "invalid", "required"):
            seats.error_messages[key] = message
        if self.instance.pk:
            self.fields[
                "facilitator_override_reason"
            ].initial = self.instance.facilitator_override_reason

    def clean_number(self):
        number = self.cleaned_data["number"]
        taken = Table.objects.filter(meeting=self.meeting, number=number)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(_("Another table at this meeting has this number."))
        return number

    def _post_clean(self):
        # The table is saved by planning.save_table; only check the fields here.
        self.instance.meeting = self.meeting
        super()._post_clean()  # type: ignore[misc]  # a Django hook the stubs leave out
