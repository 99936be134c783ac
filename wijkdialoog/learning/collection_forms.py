"""The organiser's choice to share in Wijkdialogen in beweging."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.forms import Form

SHARE = "share"
KEEP = "keep"


class CollectionSharingForm(Form):
    choice = forms.ChoiceField(
        label=_("Do you share your published reports and stories with other neighbourhoods?"),
        widget=forms.RadioSelect,
        choices=[
            (KEEP, _("No, they stay on our own neighbourhood pages only")),
            (SHARE, _("Yes, show them in Wijkdialogen in beweging")),
        ],
    )

    @property
    def shares(self) -> bool:
        return bool(self.cleaned_data["choice"] == SHARE)
