from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.models import describe_action

describe_action("followup.answered", _("Follow-up answered through the personal link"))
describe_action("followup.help_handled", _("Request for help marked as handled"))
describe_action("followup.help_reopened", _("Request for help opened again"))

# The kerngroep.
describe_action("followup.kerngroep_member_added", _("Added to the kerngroep"))
describe_action("followup.kerngroep_member_left", _("Left the kerngroep"))
describe_action("followup.kerngroep_roles_changed", _("Kerngroep roles changed"))
describe_action("followup.kerngroep_link_sent", _("New personal kerngroep link sent"))
describe_action("followup.kerngroep_task_added", _("Kerngroep task added"))
describe_action("followup.kerngroep_task_changed", _("Kerngroep task changed"))
describe_action("followup.kerngroep_task_done", _("Kerngroep task marked done"))
describe_action("followup.kerngroep_task_reopened", _("Kerngroep task opened again"))
