"""Population figures of a neighbourhood: imported from the CBS table or typed in."""

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from wijkdialoog.community.models import Neighbourhood
from wijkdialoog.core import audit

from .models import Population
from .models.population import CBS_AGE_FIELDS
from .population_file import RegionFigures


def latest(neighbourhood: Neighbourhood) -> Population | None:
    """The most recent year's figures of the neighbourhood, if any."""
    return Population.objects.filter(neighbourhood=neighbourhood).order_by("-year").first()


def _region(figures: list[RegionFigures], region_code: str) -> RegionFigures:
    for region in figures:
        if region.code == region_code:
            if region.inhabitants is None:
                raise ValidationError(
                    _("Row %(row)s (%(code)s) has no number of inhabitants.")
                    % {"row": region.row, "code": region_code}
                )
            return region
    raise ValidationError(_("The file has no row for the region %(code)s.") % {"code": region_code})


@transaction.atomic
def import_population(
    *,
    neighbourhood: Neighbourhood,
    figures: list[RegionFigures],
    region_code: str,
    year: int,
    actor: Any,
    file_name: str,
) -> Population:
    """The figures of `region_code` in the read file become the neighbourhood's figures of
    `year` (replacing that year's, if any)."""
    region = _region(figures, region_code)
    values: dict[str, Any] = dict(zip(CBS_AGE_FIELDS, region.ages, strict=True))
    values.update(
        region_code=region.code,
        inhabitants=region.inhabitants,
        households=region.households,
        migration_background_percent=region.migration_background_percent,
        source=Population.Source.CBS_IMPORT,
        file_name=file_name[:200],
        entered_by=actor,
    )
    return _store(neighbourhood=neighbourhood, year=year, values=values, actor=actor)


@transaction.atomic
def enter_population(
    *,
    neighbourhood: Neighbourhood,
    year: int,
    actor: Any,
    inhabitants: int,
    region_code: str = "",
    households: int | None = None,
    migration_background_percent: Decimal | None = None,
    **ages: int | None,
) -> Population:
    """Figures typed in by an organiser (from the municipality's own monitor, say)."""
    unknown = set(ages) - set(CBS_AGE_FIELDS)
    if unknown:
        raise TypeError(f"unknown age groups: {sorted(unknown)}")
    known = [value for value in ages.values() if value is not None]
    if sum(known) > inhabitants:
        raise ValidationError(_("The age groups add up to more than the number of inhabitants."))
    values: dict[str, Any] = {name: ages.get(name) for name in CBS_AGE_FIELDS}
    values.update(
        region_code=region_code,
        inhabitants=inhabitants,
        households=households,
        migration_background_percent=migration_background_percent,
        source=Population.Source.TYPED,
        file_name="",
        entered_by=actor,
    )
    return _store(neighbourhood=neighbourhood, year=year, values=values, actor=actor)


def _store(
    *, neighbourhood: Neighbourhood, year: int, values: dict[str, Any], actor: Any
) -> Population:
    population, created = Population.objects.select_for_update().update_or_create(
        neighbourhood=neighbourhood, year=year, defaults=values
    )
    audit.record(
        actor=actor,
        action="reporting.population_imported"
        if population.source == Population.Source.CBS_IMPORT
        else "reporting.population_entered",
        subject=neighbourhood,
        payload={"year": year, "inhabitants": population.inhabitants, "replaced": not created},
    )
    return population
