from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.models import describe_action

describe_action("followup.answered", _("Follow-up answered through the personal link"))
describe_action("followup.help_handled", _("Request for help marked as handled"))
describe_action("followup.help_reopened", _("Request for help opened again"))

# Wijkafspraken and questions for partners.
describe_action("followup.agreement_created", _("Neighbourhood agreement made"))
describe_action("followup.agreement_status", _("Status of the neighbourhood agreement changed"))
describe_action("followup.party_added", _("Party added to the neighbourhood agreement"))
describe_action("followup.party_link_revoked", _("Personal link of a party revoked"))
describe_action("followup.commitment_updated", _("Party updated its commitment"))
describe_action("followup.commitment_answered", _("Party committed to or declined its part"))
describe_action("followup.question_routed", _("Question sent to a partner"))
describe_action("followup.question_answered", _("Partner answered a question"))
describe_action("followup.question_declined", _("Partner declined a question with a reason"))
