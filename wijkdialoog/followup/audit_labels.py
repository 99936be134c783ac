from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.models import describe_action

describe_action("followup.answered", _("Follow-up answered through the personal link"))
describe_action("followup.help_handled", _("Request for help marked as handled"))
describe_action("followup.help_reopened", _("Request for help opened again"))
