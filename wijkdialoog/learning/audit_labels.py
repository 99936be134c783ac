"""Human labels for the audit actions of the learning app (core.models.describe_action)."""

from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.models import describe_action

describe_action(
    "collection_sharing.changed", _("Sharing in Wijkdialogen in beweging switched on or off")
)
