"""Human labels for the audit actions of the reporting app (core.models.describe_action)."""

from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.models import describe_action

describe_action("newsletter.sent", _("Report mailed to the people kept posted"))
