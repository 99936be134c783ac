from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.forms import Form

from .models import StepAnswer


class StepAnswerForm(Form):
    """How one personal action went; one form per action, each with its own prefix."""

    status = forms.ChoiceField(
        label=_("How did it go?"),
        choices=StepAnswer.Status.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    note = forms.CharField(
        label=_("Anything you want to add? One short line."),
        max_length=200,
        required=False,
        help_text=_("At most 200 characters."),
    )

    def __init__(self, *args: Any, card_text: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.card_text = card_text

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("note") and not data.get("status"):
            self.add_error("status", _("Choose how it went, so we can keep your line with it."))
        return data
