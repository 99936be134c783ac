"""Human labels for the audit actions of the reporting app (core.models.describe_action)."""

from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.models import describe_action

# Population figures (population.py)
describe_action("reporting.population_imported", _("Population figures imported from CBS"))
describe_action("reporting.population_entered", _("Population figures typed in"))
