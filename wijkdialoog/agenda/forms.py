"""Forms of the agenda's voting pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.forms import Form

from .voting import PROPOSAL_MAX_LENGTH


class ProposalForm(Form):
    text = forms.CharField(
        label=_("Your statement"),
        help_text=_("One idea, in a short sentence. Do not write names or personal details."),
        max_length=PROPOSAL_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write a statement.")},
    )
