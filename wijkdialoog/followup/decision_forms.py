"""Forms of the decision moment: the decision itself, its options, the dots on paper, the
confirmed choice, the Deep Democracy step and the initiative with its contact moments."""

import datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.forms import Form, ModelForm

from .models import Decision

CONTACT_MOMENTS = 3


class DecisionForm(ModelForm):
    class Meta:
        model = Decision
        fields = ["title", "question", "meeting"]
        help_texts = {
            "question": _("For example: Which dream shall we make come true together?"),
            "meeting": _("The meeting where the neighbours vote, if there is one."),
        }

    def __init__(self, *args: Any, meetings: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings


class OptionsForm(Form):
    cards: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=_("Dream cards"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    themes: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=_("Themes"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    items: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=_("Wijkagenda priorities"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    typed = forms.CharField(label=_("Or type an option"), max_length=280, required=False)
    typed_en = forms.CharField(label=_("The option in English"), max_length=280, required=False)

    def __init__(self, *args: Any, cards: Any, themes: Any, items: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["cards"].queryset = cards
        self.fields["cards"].label_from_instance = lambda card: card.text
        self.fields["themes"].queryset = themes
        self.fields["items"].queryset = items
        self.fields["items"].label_from_instance = lambda item: item.title

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        chosen = [data.get(name) for name in ("cards", "themes", "items")]
        if not any(chosen) and not data.get("typed", "").strip():
            raise ValidationError(_("Choose or type at least one option."))
        return data


class PaperVotesForm(Form):
    """One number per option: the dots on the paper sheet."""

    def __init__(self, *args: Any, options: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for option in options:
            self.fields[f"option_{option.pk}"] = forms.IntegerField(
                label=option.text, min_value=0, max_value=10000, initial=option.paper_votes
            )

    def tallies(self) -> dict[int, int]:
        return {
            int(name.removeprefix("option_")): value for name, value in self.cleaned_data.items()
        }


class WinnerForm(Form):
    option: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("The choice"), queryset=None, widget=forms.RadioSelect, empty_label=None
    )

    def __init__(self, *args: Any, options: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["option"].queryset = options


class MinorityForm(ModelForm):
    class Meta:
        model = Decision
        fields = ["minority_view", "minority_view_en", "minority_needs", "minority_needs_en"]
        widgets = {field: forms.Textarea(attrs={"rows": 3}) for field in fields}
        help_texts = {
            "minority_view": _("What do they see differently? Do not write names."),
            "minority_needs": _(
                "Ask: what do you need to come along? Write their conditions in a few lines."
            ),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("minority_view", "").strip() and not data.get("minority_needs", "").strip():
            self.add_error("minority_needs", _("Write what the minority needs to come along."))
        return data


class DecisionInitiativeForm(Form):
    name = forms.CharField(label=_("Name of the initiative"), max_length=160)
    what = forms.CharField(
        label=_("What"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    is_public = forms.BooleanField(
        label=_("Show on the neighbourhood page"), required=False, initial=True
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for number in range(1, CONTACT_MOMENTS + 1):
            self.fields[f"moment_{number}_on"] = forms.DateField(
                label=_("Contact moment %(number)d: date") % {"number": number},
                required=False,
                widget=forms.DateInput(attrs={"type": "date"}),
            )
            self.fields[f"moment_{number}_what"] = forms.CharField(
                label=_("Contact moment %(number)d: what") % {"number": number},
                max_length=200,
                required=False,
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for number in range(1, CONTACT_MOMENTS + 1):
            on, what = data.get(f"moment_{number}_on"), data.get(f"moment_{number}_what", "")
            if on and not what.strip():
                self.add_error(f"moment_{number}_what", _("Say what happens at this moment."))
            if what.strip() and not on:
                self.add_error(f"moment_{number}_on", _("Give the date of this moment."))
        return data

    def moments(self) -> list[tuple[datetime.date, str]]:
        data = self.cleaned_data
        return [
            (data[f"moment_{n}_on"], data[f"moment_{n}_what"].strip())
            for n in range(1, CONTACT_MOMENTS + 1)
            if data.get(f"moment_{n}_on")
        ]
