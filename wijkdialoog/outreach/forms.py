"""Forms of the invitation channels pages."""

from typing import Any

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.forms import Form, ModelForm
from wijkdialoog.dialogues.models import Meeting, Series
from wijkdialoog.registrations.models import Channel


class MeetingChoiceField(forms.ModelChoiceField[Meeting]):
    def label_from_instance(self, meeting: Meeting) -> str:
        starts = timezone.localtime(meeting.starts_at)
        return f"{formats.date_format(starts, 'j F Y')} – {meeting.display_title}"


class ChannelForm(ModelForm):
    meeting = MeetingChoiceField(
        label=_("Meeting"),
        queryset=None,
        required=False,
        empty_label=_("No meeting: the link leads to the neighbourhood page"),
        help_text=_("Optional: the link leads straight to this meeting."),
    )

    class Meta:
        model = Channel
        fields = ["kind", "label", "meeting"]

    def __init__(self, *args: Any, series: Series, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = series.meetings.select_related("series").order_by(
            "starts_at", "pk"
        )


class InvitationImportForm(Form):
    file = forms.FileField(
        label=_("File with email addresses (CSV)"),
        help_text=_(
            "The first row gives the column names: email, and if you like first_name (or "
            "voornaam) and language (or taal: nl or en). Separate the columns with a comma or "
            "a semicolon."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
