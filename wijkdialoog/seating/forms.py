"""Forms of the table division page: moving and swapping people by hand."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.forms import Form
from wijkdialoog.dialogues.models import Meeting, Table
from wijkdialoog.registrations.models import Registration


# The annotations are quoted: ModelChoiceField takes a model type only in django-stubs.
class MoveForm(Form):
    table: "forms.ModelChoiceField[Table]" = forms.ModelChoiceField(label=_("Table"), queryset=None)

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["table"].queryset = meeting.tables.all()


class SwapForm(Form):
    other: "forms.ModelChoiceField[Registration]" = forms.ModelChoiceField(
        label=_("Swap with"),
        queryset=None,
        error_messages={"invalid_choice": _("Choose someone at another table.")},
    )

    def __init__(
        self, *args: Any, meeting: Meeting, registration: Registration, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        seated = meeting.registrations.filter(
            status=Registration.Status.CONFIRMED, table__isnull=False
        ).select_related("person")
        # Everyone listed has a table: without a table of their own, nobody is left out.
        if registration.table_id is not None:
            seated = seated.exclude(table_id=registration.table_id)
        self.fields["other"].queryset = seated
