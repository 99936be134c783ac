"""Typing in harvest cards from paper afterwards: the form, the sticky choices and undo.

Saving goes through `capture.add_card`, like every other card. The device id is made by the
server when the form is shown, so a form sent twice (a double Enter, a browser retry) still
makes one card.
"""

import uuid
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wijkdialoog.core import audit
from wijkdialoog.core.forms import Form
from wijkdialoog.dialogues.models import Meeting
from wijkdialoog.methods.kinds import CardKind
from wijkdialoog.methods.models import Method
from wijkdialoog.methods.selection import default_builtin_method

from . import capture
from .models import Card

Publication = Card.Publication
# What stays chosen from one card to the next, carried in the address after each save.
STICKY_FIELDS = ("table", "phase", "kind", "publication")
RECENT_COUNT = 10


def method_for_paper(meeting: Meeting) -> Method | None:
    """The method whose phases the cards are sorted in: the meeting's own or its series'
    default, else the shipped waarderende dialoog (as facilitator mode does)."""
    return meeting.effective_method or default_builtin_method()


class TableChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, table):
        label = _("Table %(number)s") % {"number": table.number}
        return f"{label} – {table.name}" if table.name else label


class PhaseChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, phase):
        return f"{phase.position}. {phase.name}"


class PaperCardForm(Form):
    client_id = forms.UUIDField(widget=forms.HiddenInput)
    table = TableChoiceField(
        label=_("Table"),
        queryset=None,
        empty_label=None,
        error_messages={"invalid_choice": _("Choose one of the tables of this meeting.")},
    )
    phase = PhaseChoiceField(
        label=_("Phase"),
        queryset=None,
        empty_label=None,
        error_messages={"invalid_choice": _("Choose one of the phases of this method.")},
    )
    kind = forms.ChoiceField(
        label=_("Kind of card"), choices=[(v, capfirst(label)) for v, label in CardKind.choices]
    )
    publication = forms.ChoiceField(
        label=_("Who may see it"),
        choices=[(v, capfirst(label)) for v, label in Publication.choices],
        initial=Publication.ANONYMOUS,
    )
    text = forms.CharField(
        label=_("Text of the card"),
        max_length=2000,
        help_text=_("Press Enter to save the card."),
        error_messages={"required": _("Type the text of the card.")},
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    first_name = forms.CharField(
        label=_("First name"),
        max_length=80,
        required=False,
        help_text=_("Only when it is on the card and the person agreed to be named."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args, meeting: Meeting, method: Method | None, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("client_id", uuid.uuid4())
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.fields["table"].queryset = meeting.tables.order_by("number")
        if method is None:
            del self.fields["phase"]
        else:
            self.fields["phase"].queryset = method.phases.order_by("position")
        # The keyboard goes back to where the next card starts, or to the first mistake.
        self.fields["text"].widget.attrs["autofocus"] = True

    def full_clean(self):
        super().full_clean()
        self._focus_first_error()

    def _focus_first_error(self):
        invalid = [name for name in self.fields if name in self.errors]
        if invalid:
            self.fields["text"].widget.attrs.pop("autofocus", None)
            self.fields[invalid[0]].widget.attrs["autofocus"] = True

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise ValidationError(self.fields["text"].error_messages["required"])
        return text

    def save(self, *, actor) -> Card | None:
        """The saved card, or None with the reason added to the form's errors."""
        data = self.cleaned_data
        try:
            return capture.add_card(
                meeting=self.meeting,
                table=data["table"],
                client_id=data["client_id"],
                kind=data["kind"],
                text=data["text"],
                phase=data.get("phase"),
                first_name=data["first_name"],
                publication=data["publication"],
                source=Card.Source.PAPER,
                actor=actor,
            )
        except ValidationError as error:
            self.add_error(None, error)
            self._focus_first_error()
            return None

    def sticky_query(self) -> str:
        """The choices to keep for the next card, as a query string."""
        values = {}
        for name in STICKY_FIELDS:
            value = self.cleaned_data.get(name)
            if value not in (None, ""):
                values[name] = getattr(value, "pk", value)
        return urlencode(values)


def sticky_initial(query) -> dict:
    """The choices kept from the last card (read from the address; the form checks them)."""
    return {name: query[name] for name in STICKY_FIELDS if query.get(name)}


def sticky_query_from(query) -> str:
    return urlencode(sticky_initial(query))


def recent_paper_cards(meeting: Meeting):
    return (
        Card.objects.filter(meeting=meeting, source=Card.Source.PAPER)
        .select_related("table", "phase")
        .order_by("-created_at", "-pk")[:RECENT_COUNT]
    )


@transaction.atomic
def delete_paper_card(*, card: Card, actor) -> None:
    """Undo a card typed in by mistake. Only cards typed in from paper can go this way."""
    if card.source != Card.Source.PAPER:
        raise ValidationError(_("Only cards typed in from paper can be removed here."))
    audit.record(
        actor=actor,
        action="card.deleted",
        subject=card,
        payload={"kind": card.kind, "source": card.source, "table": card.table_id},
    )
    card.delete()
