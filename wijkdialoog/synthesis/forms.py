"""Forms of the theme pages. The choices come from the series, never from what was posted."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.forms import Form, ModelForm
from wijkdialoog.dialogues.models import Series

from .models import Theme
from .sorting import theme_cards

UNSORTED = "unsorted"


class ThemeForm(ModelForm):
    class Meta:
        model = Theme
        fields = ["name", "description", "name_en", "description_en"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "description_en": forms.Textarea(attrs={"rows": 3}),
        }


class MergeForm(Form):
    into = forms.ModelChoiceField(
        label=_("Merge into"),
        queryset=Theme.objects.none(),
        help_text=_("All cards of this theme move to the theme you choose. This theme goes."),
    )

    def __init__(self, *args: Any, theme: Theme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = Theme.objects.filter(series_id=theme.series_id).exclude(
            pk=theme.pk
        )


class SplitForm(ThemeForm):
    cards = forms.ModelMultipleChoiceField(
        label=_("Cards for the new theme"),
        queryset=theme_cards(0),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta(ThemeForm.Meta):
        fields = ["cards", "name", "description", "name_en", "description_en"]

    def __init__(self, *args: Any, theme: Theme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["cards"].queryset = theme_cards(theme.series_id).filter(theme_link__theme=theme)
        self.fields["cards"].label_from_instance = lambda card: card.text


class MoveCardForm(Form):
    theme = forms.ChoiceField(label=_("Move to"))

    def __init__(self, *args: Any, series: Series, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.themes = {str(theme.pk): theme for theme in series.themes.all()}
        self.fields["theme"].choices = [
            (UNSORTED, _("Not sorted yet")),
            *((pk, theme.name) for pk, theme in self.themes.items()),
        ]

    def chosen_theme(self) -> Theme | None:
        return self.themes.get(self.cleaned_data["theme"])


class SuggestForm(Form):
    k = forms.IntegerField(
        label=_("Number of themes"),
        required=False,
        min_value=2,
        max_value=12,
        help_text=_("Leave empty to let the system choose."),
    )
