from django import forms
from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.forms import ModelForm

from .kinds import CardKind
from .models import Method, Phase

MINUTES_ERROR = _("Fill in a number of minutes from 1 to 240.")
ONE_PER_LINE = _("One per line.")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class MethodForm(ModelForm):
    class Meta:
        model = Method
        fields = ["name", "summary", "conversation_rules"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            "conversation_rules": forms.Textarea(attrs={"rows": 7}),
        }
        help_texts = {
            "summary": _("In a few plain sentences: what is this method for?"),
            "conversation_rules": _(
                "One rule per line, such as: Speak for yourself. They are on the table cards."
            ),
        }
        error_messages = {"name": {"required": _("Fill in a name.")}}

    def clean_conversation_rules(self):
        return "\n".join(_lines(self.cleaned_data["conversation_rules"]))


class PhaseForm(ModelForm):
    card_kinds = forms.MultipleChoiceField(
        label=_("Kinds of harvest card"),
        choices=CardKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("What the facilitator and harvester collect in this phase."),
    )

    class Meta:
        model = Phase
        fields = ["name", "purpose", "questions", "minutes", "card_kinds"]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "questions": forms.Textarea(attrs={"rows": 6}),
            "minutes": forms.NumberInput(attrs={"min": 1, "max": 240}),
        }
        help_texts = {
            "purpose": _("What the table does in this phase, in one or two sentences."),
            "questions": _("Open questions for the facilitator to ask. One question per line."),
            "minutes": _("From 1 to 240."),
        }
        error_messages = {
            "name": {"required": _("Fill in a name for the phase.")},
            "questions": {"required": _("Write at least one question.")},
            "minutes": {
                "required": MINUTES_ERROR,
                "invalid": MINUTES_ERROR,
                "min_value": MINUTES_ERROR,
                "max_value": MINUTES_ERROR,
            },
        }

    def clean_questions(self):
        questions = _lines(self.cleaned_data["questions"])
        if not questions:
            raise forms.ValidationError(_("Write at least one question."))
        return "\n".join(questions)
