"""Human labels for the audit actions of the reporting app (core.models.describe_action)."""

from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.models import describe_action

# The oogstverslag.
describe_action("report.texts_saved", _("Texts of the report changed"))
describe_action("report.published", _("Report published"))
describe_action("report.unpublished", _("Report taken offline"))

# Population figures (population.py)
describe_action("reporting.population_imported", _("Population figures imported from CBS"))
describe_action("reporting.population_entered", _("Population figures typed in"))

# The newsletter about a report (newsletter.py)
describe_action("newsletter.sent", _("Report mailed to the people kept posted"))
