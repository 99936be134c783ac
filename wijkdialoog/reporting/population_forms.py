"""The forms of the population pages: the CBS file, and figures typed in."""

from typing import Any

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkdialoog.community.models import Neighbourhood
from wijkdialoog.core.forms import Form, ModelForm

from .models import Population

MAX_FILE_BYTES = 40 * 1024 * 1024


def _year_field(required: bool) -> forms.IntegerField:
    return forms.IntegerField(
        label=_("Year"),
        required=required,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=""
        if required
        else _("Leave empty to take the year from the file name or the title in the file."),
    )


class PopulationImportForm(Form):
    file = forms.FileField(
        label=_("CBS file (CSV or Excel)"),
        help_text=_(
            "The table “Kerncijfers wijken en buurten” from CBS StatLine, downloaded as CSV or "
            "Excel. If one row is wrong, nothing is imported."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )
    region_code = forms.RegexField(
        label=_("CBS code of the neighbourhood"),
        regex=r"^(GM\d{4}|WK\d{6}|BU\d{8})$",
        max_length=10,
        error_messages={
            "invalid": _("A CBS code looks like WK036301 (wijk) or BU03630101 (buurt).")
        },
    )
    year = _year_field(required=False)

    def __init__(self, *args: Any, neighbourhood: Neighbourhood, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region_code"].initial = neighbourhood.cbs_code

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(_("The file is larger than 40 MB."))
        return upload

    def clean_region_code(self) -> str:
        return str(self.cleaned_data["region_code"]).strip().upper()


class PopulationForm(ModelForm):
    class Meta:
        model = Population
        fields = [
            "year",
            "region_code",
            "inhabitants",
            "age_0_15",
            "age_15_25",
            "age_25_45",
            "age_45_65",
            "age_65_plus",
            "households",
            "migration_background_percent",
        ]

    def __init__(self, *args: Any, neighbourhood: Neighbourhood, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.fields["year"].initial = timezone.now().year - 1
            self.fields["region_code"].initial = neighbourhood.cbs_code
        self.neighbourhood = neighbourhood

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        inhabitants = data.get("inhabitants")
        ages = [
            data.get(name)
            for name in ("age_0_15", "age_15_25", "age_25_45", "age_45_65", "age_65_plus")
        ]
        if inhabitants is not None and sum(age or 0 for age in ages) > inhabitants:
            self.add_error(
                "inhabitants", _("The age groups add up to more than the number of inhabitants.")
            )
        return data

    def validate_unique(self) -> None:
        # One row per neighbourhood and year: entering a year again replaces it.
        pass
