"""Dates that organisers type stay within a range that means something. A browser's date picker
happily sends the year 0001 or 9999, and such a moment breaks on the way to UTC, in the
database, or in every later sum (the next round of a series 8 weeks after 31-12-9999)."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _


@deconstructible
class SaneYearValidator:
    """A date or datetime from `earliest_year` up to `years_ahead` years after this year."""

    message = _("Fill in a date between %(earliest)s and %(latest)s.")
    code = "out_of_range"

    def __init__(self, *, earliest_year: int, years_ahead: int):
        self.earliest_year = earliest_year
        self.years_ahead = years_ahead

    def latest_year(self) -> int:
        return timezone.localdate().year + self.years_ahead

    def __call__(self, value: datetime.date) -> None:
        if not self.earliest_year <= value.year <= self.latest_year():
            raise ValidationError(
                self.message,
                code=self.code,
                params={"earliest": self.earliest_year, "latest": self.latest_year()},
            )

    def __eq__(self, other):
        return isinstance(other, SaneYearValidator) and (self.earliest_year, self.years_ahead) == (
            other.earliest_year,
            other.years_ahead,
        )


# Meetings, publication and registration moments: records of earlier dialogues, plans ahead.
PLANNING_YEARS = SaneYearValidator(earliest_year=2000, years_ahead=10)
# When someone was trained: long ago is possible, the future is refused by the form itself.
TRAINING_YEARS = SaneYearValidator(earliest_year=1970, years_ahead=0)


def limit_field(field, validator: SaneYearValidator, *, with_time: bool) -> None:
    """Adds the validator and tells the browser's picker the same range."""
    field.validators.append(validator)
    start, end = f"{validator.earliest_year}-01-01", f"{validator.latest_year()}-12-31"
    if with_time:
        start, end = f"{start}T00:00", f"{end}T23:59"
    field.widget.attrs.update(min=start, max=end)
