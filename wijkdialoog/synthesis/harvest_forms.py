"""Forms of the harvest pages: partner sharing and marking a highlight."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.forms import Form

PUBLIC_ONLY = "public"
WITH_INTERNAL = "internal"


class SharingForm(Form):
    partners_see = forms.ChoiceField(
        label=_("What do partners see of the harvest?"),
        widget=forms.RadioSelect,
        choices=[
            (PUBLIC_ONLY, _("Only the public cards, like everyone else")),
            (WITH_INTERNAL, _("Also the internal cards")),
        ],
    )

    @property
    def partners_see_internal(self) -> bool:
        return bool(self.cleaned_data["partners_see"] == WITH_INTERNAL)


class HighlightForm(Form):
    MARK = "internal"
    MARK_PUBLIC = "public"
    REMOVE = "none"

    highlight = forms.ChoiceField(
        choices=[
            (MARK, _("highlight for internal use")),
            (MARK_PUBLIC, _("highlight for public use")),
            (REMOVE, _("no highlight")),
        ]
    )
    next = forms.CharField(required=False, max_length=2000)
