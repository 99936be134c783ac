"""Forms of the organiser's agenda pages. Choices come from the agenda, never from the post."""

from typing import Any

from django import forms
from django.db.models.fields import BLANK_CHOICE_DASH
from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.forms import Form, ModelForm
from wijkdialoog.registrations.models import Channel

from .announce_channels import KINDS
from .models import Agenda, AgendaItem, Statement
from .statements import source_cards, source_themes


class DateTimeInput(forms.DateTimeInput):
    """The browser's own date and time picker."""

    input_type = "datetime-local"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M")


B1_HINT = _(
    "One idea in plain words, at most 280 characters. Write it so people can say yes or no: "
    "“Er moet meer groen komen in de Kerkstraat.”"
)


class AgendaForm(ModelForm):
    class Meta:
        model = Agenda
        fields = [
            "title",
            "introduction",
            "title_en",
            "introduction_en",
            "opens_at",
            "closes_at",
            "allow_proposals",
        ]
        widgets = {
            "introduction": forms.Textarea(attrs={"rows": 3}),
            "introduction_en": forms.Textarea(attrs={"rows": 3}),
            "opens_at": DateTimeInput(),
            "closes_at": DateTimeInput(),
        }


class StatementForm(ModelForm):
    class Meta:
        model = Statement
        fields = ["text", "text_en"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 2, "maxlength": 280}),
            "text_en": forms.Textarea(attrs={"rows": 2, "maxlength": 280}),
        }
        help_texts = {"text": B1_HINT}


class SourcedStatementForm(StatementForm):
    """A statement written from chosen themes and cards of the series."""

    themes = forms.ModelMultipleChoiceField(
        label=_("Themes it comes from"),
        queryset=source_themes(0),  # type: ignore[arg-type]  # replaced in __init__
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    cards = forms.ModelMultipleChoiceField(
        label=_("Cards it comes from"),
        queryset=source_cards(0),  # type: ignore[arg-type]  # replaced in __init__
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta(StatementForm.Meta):
        fields = ["themes", "cards", "text", "text_en"]

    def __init__(self, *args: Any, agenda: Agenda, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = source_themes(agenda.series)
        self.fields["cards"].queryset = source_cards(agenda.series)
        self.fields["cards"].label_from_instance = _card_label
        self.fields["themes"].label_from_instance = lambda theme: theme.name


def _card_label(card: Any) -> str:
    internal = " " + str(_("(internal)")) if card.publication == "internal" else ""
    return f"{card.get_kind_display()}: {card.text}{internal}"


class MergeForm(Form):
    into = forms.ModelChoiceField(
        label=_("Merge into"),
        queryset=Statement.objects.none(),
        help_text=_(
            "This statement leaves the vote. Its votes move to the statement you choose, "
            "unless that voter already voted on it."
        ),
    )

    def __init__(self, *args: Any, statement: Statement, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = (
            Statement.objects.filter(
                agenda_id=statement.agenda_id, status=Statement.Status.ACCEPTED
            )
            .exclude(pk=statement.pk)
            .order_by("number")
        )
        self.fields["into"].label_from_instance = lambda other: f"{other.number}. {other.text}"


class ItemForm(ModelForm):
    class Meta:
        model = AgendaItem
        fields = [
            "title",
            "why",
            "title_en",
            "why_en",
            "divisive",
            "minority_view",
            "minority_needs",
            "minority_view_en",
            "minority_needs_en",
            "minority_recorded_at",
        ]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "title_en": forms.Textarea(attrs={"rows": 2}),
            "why": forms.Textarea(attrs={"rows": 3}),
            "why_en": forms.Textarea(attrs={"rows": 3}),
            "minority_view": forms.Textarea(attrs={"rows": 3}),
            "minority_view_en": forms.Textarea(attrs={"rows": 3}),
            "minority_needs": forms.Textarea(attrs={"rows": 3}),
            "minority_needs_en": forms.Textarea(attrs={"rows": 3}),
            "minority_recorded_at": forms.DateInput(attrs={"type": "date"}),
        }


class AgendaChannelForm(ModelForm):
    """A channel for the agenda: every kind but the email list (the announcement mail has one)."""

    class Meta:
        model = Channel
        fields = ["kind", "label"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ChoiceField)
        kind.choices = [BLANK_CHOICE_DASH[0], *((k.value, k.label) for k in KINDS)]
