"""The evaluation at the end of a conversation, in the three ways it is filled in: on a
participant's own phone (QR code), with the facilitator on their phone, and typed in from a
paper form afterwards. One form with the same questions; Kom erbij only where the series asks."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.forms import Form
from wijkdialoog.dialogues.models import Meeting, Table

from . import capture, kom_erbij
from .models import Evaluation
from .paper import TableChoiceField

OUTCOME_FIELDS = ("met_someone_new", "feel_more_connected", "view_changed", "exchanged_contacts")
GRADES = [(grade, str(grade)) for grade in range(1, 11)]


def _answer_field(label) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label, choices=Evaluation.Answer.choices, required=False, widget=forms.RadioSelect
    )


def _grade(value: str) -> int | None:
    return int(value) if value else None


class EvaluationForm(Form):
    kom_erbij_credit = kom_erbij.CREDIT
    client_id = forms.UUIDField(widget=forms.HiddenInput)
    rating = forms.TypedChoiceField(
        label=_("How was this conversation for you?"),
        choices=Evaluation.Rating.choices,
        coerce=int,
        widget=forms.RadioSelect,
    )
    met_someone_new = _answer_field(_("I spoke with people I would not otherwise meet."))
    feel_more_connected = _answer_field(_("I feel more connected with the neighbourhood."))
    view_changed = _answer_field(_("My view on the theme has changed."))
    exchanged_contacts = _answer_field(_("I exchanged contact details with someone."))
    grade = forms.TypedChoiceField(
        label=_("What grade do you give this meeting?"),
        help_text=_("From 1 (very bad) to 10 (excellent)."),
        choices=[("", _("No grade")), *GRADES],
        coerce=int,
        empty_value=None,
        required=False,
    )
    takeaway = forms.CharField(
        label=_("What do you take with you?"),
        help_text=_("In your own words."),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, kom_erbij_questions: bool = False, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("client_id", uuid.uuid4())
        super().__init__(*args, **kwargs)
        self.kom_erbij_questions = kom_erbij_questions
        if kom_erbij_questions:
            for field in kom_erbij.FIELDS:
                self.fields[field] = forms.ChoiceField(
                    label=kom_erbij.STATEMENTS[field],
                    choices=kom_erbij.ScaleAnswer.choices,
                    required=False,
                    widget=forms.RadioSelect,
                )

    def first_fields(self):
        return [self["rating"], self["grade"]]

    def outcome_fields(self):
        return [self[name] for name in OUTCOME_FIELDS]

    def kom_erbij_fields(self):
        return [self[name] for name in kom_erbij.FIELDS] if self.kom_erbij_questions else []

    def save(self, *, table: Table, source: str, actor=None) -> tuple[Evaluation, bool]:
        data = self.cleaned_data
        return capture.add_evaluation(
            table=table,
            client_id=data["client_id"],
            rating=data["rating"],
            grade=data["grade"],
            takeaway=data["takeaway"],
            scale={field: data.get(field, "") for field in kom_erbij.FIELDS},
            source=source,
            actor=actor,
            **{name: data[name] for name in OUTCOME_FIELDS},
        )


class PaperEvaluationForm(EvaluationForm):
    """Typing in a paper evaluation form: the same questions, and which table it came from."""

    table = TableChoiceField(
        label=_("Table"),
        queryset=Table.objects.none(),
        empty_label=None,
        error_messages={"invalid_choice": _("Choose one of the tables of this meeting.")},
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["table"].queryset = meeting.tables.order_by("number")
        self.fields["rating"].label = _("How was the conversation?")
        self.fields["grade"].label = _("Grade")
        self.fields["takeaway"].label = _("What they take with them")
        self.fields["takeaway"].help_text = _("Type it as it is written.")

    def first_fields(self):
        return [self["table"], *super().first_fields()]
