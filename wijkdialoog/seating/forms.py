"""Forms of the table division page: moving and swapping people by hand."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.forms import Form
from wijkdialoog.dialogues.models import Table
from wijkdialoog.registrations.models import Registration


# The annotations are quoted: ModelChoiceField takes a model type only in django-stubs.
class MoveForm(Form):
    table: "forms.ModelChoiceField[Table]" = forms.ModelChoiceField(label=_("Table"), queryset=None)

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["table"].queryset = meeting.tables.all()


class SwapForm(Form):
    other: "forms.ModelChoiceField[Registration]" = forms.ModelChoiceField(
        label=_("Swap with"),
        queryset=None,
        error_messages={"invalid_choice": _("Choose someone at another table.")},
    )

    def __init__(self, *args, meeting, registration, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["other"].queryset = (
            meeting.registrations.filter(status=Registration.Status.CONFIRMED, table__isnull=False)
            .exclude(table_id=registration.table_id)
            .select_related("person")
        )
