"""Forms of the organiser's agenda pages. Choices come from the agenda, never from the post."""

from typing import Any

from django import forms
from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db.models.fields import BLANK_CHOICE_DASH
from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.forms import Form, ModelForm
from wijkdialoog.registrations.models import Channel

from . import polis_upload
from .announce_channels import KINDS
from .models import STATEMENT_MAX_LENGTH, Agenda, AgendaItem, Statement
from .polis import PolisFormatError
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
            "text": forms.Textarea(attrs={"rows": 2}),
            "text_en": forms.Textarea(attrs={"rows": 2, "maxlength": 280}),
        }
        help_texts = {"text": B1_HINT}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A longer statement imported from Polis may be corrected, but not made longer.
        limit = max(STATEMENT_MAX_LENGTH, len(self.instance.text or ""))
        text = self.fields["text"]
        text.max_length = limit
        text.validators = [MaxLengthValidator(limit)]
        text.widget.attrs["maxlength"] = str(limit)


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


def _file_field(label: Any, help_text: Any, accept: str) -> forms.FileField:
    return forms.FileField(
        label=label,
        help_text=help_text,
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": accept}),
    )


class PolisImportForm(Form):
    """A Polis export as one zip, or as comments.csv and a votes file. Reading it is part of
    the validation: `cleaned_data["export"]` is the export, or the fields carry the error."""

    title = forms.CharField(label=_("Title of the new agenda"), max_length=150)
    archive = _file_field(
        _("Polis export (zip)"),
        _("The zip file Polis gives, with comments.csv and votes.csv or participants-votes.csv."),
        ".zip,application/zip",
    )
    comments = _file_field(
        _("Or: comments.csv"), _("The comments file of the export."), ".csv,text/csv"
    )
    votes = _file_field(
        _("and the votes file"),
        _("votes.csv or participants-votes.csv of the same export."),
        ".csv,text/csv",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].initial = _("Imported from Polis")

    def _check_sizes(self, files: dict[str, Any]) -> bool:
        limit = settings.POLIS_IMPORT_MAX_BYTES
        for name, upload in files.items():
            if upload is not None and upload.size > limit:
                message = _("This file is larger than %(limit)s MB.")
                self.add_error(name, message % {"limit": limit // (1024 * 1024)})
        return not self.errors

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        files = {name: data.get(name) for name in ("archive", "comments", "votes")}
        if not any(files.values()):
            self.add_error("archive", _("Choose a zip file, or comments.csv and a votes file."))
        elif files["archive"] and (files["comments"] or files["votes"]):
            self.add_error("archive", _("Choose a zip file or CSV files, not both."))
        elif not files["archive"] and not files["votes"]:
            self.add_error("votes", _("Choose the votes file too."))
        elif not files["archive"] and not files["comments"]:
            self.add_error("comments", _("Choose comments.csv too."))
        elif self._check_sizes(files):
            self._read(files)
        return data

    def _read(self, files: dict[str, Any]) -> None:
        votes = files["votes"]
        try:
            self.cleaned_data["export"] = polis_upload.read_upload(
                archive=files["archive"],
                comments=files["comments"],
                votes=votes,
                votes_name=votes.name if votes else "",
            )
        except polis_upload.UploadError as error:
            self.add_error(error.field, error.message)
        except PolisFormatError as error:
            field = "archive" if files["archive"] else "comments"
            if field == "comments" and error.file != "comments.csv":
                field = "votes"
            self.add_error(field, polis_upload.describe(error))


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
