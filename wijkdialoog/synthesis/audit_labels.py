from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.models import describe_action

describe_action("harvest_sharing.changed", _("What partners see of the harvest changed"))
