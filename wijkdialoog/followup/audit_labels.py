from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.models import describe_action

describe_action("followup.answered", _("Follow-up answered through the personal link"))
describe_action("followup.help_handled", _("Request for help marked as handled"))
describe_action("followup.help_reopened", _("Request for help opened again"))

# Collective initiatives
describe_action("initiative.created", _("Initiative created"))
describe_action("initiative.edited", _("Initiative changed"))
describe_action("initiative.status_changed", _("Status of the initiative changed"))
describe_action("initiative.member_added", _("Team member added to the initiative"))
describe_action("initiative.member_new_link", _("Team member sent a new personal link"))
describe_action("initiative.contact_changed", _("Contact person of the initiative changed"))
describe_action("initiative.member_revoked", _("Team member removed, link revoked"))
describe_action("initiative.update_posted", _("Update of the initiative posted"))
describe_action("initiative.name_consent", _("Team member changed consent to show their name"))
describe_action("initiative.celebrated", _("Initiative celebrated"))
