from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.models import describe_action

describe_action("followup.answered", _("Follow-up answered through the personal link"))
describe_action("followup.help_handled", _("Request for help marked as handled"))
describe_action("followup.help_reopened", _("Request for help opened again"))

# Wijkafspraken and questions for partners.
describe_action("followup.agreement_created", _("Neighbourhood agreement made"))
describe_action("followup.agreement_edited", _("Neighbourhood agreement changed"))
describe_action("followup.agreement_status", _("Status of the neighbourhood agreement changed"))
describe_action("followup.party_added", _("Party added to the neighbourhood agreement"))
describe_action("followup.party_link_revoked", _("Personal link of a party revoked"))
describe_action("followup.commitment_updated", _("Party updated its commitment"))
describe_action("followup.commitment_answered", _("Party committed to or declined its part"))
describe_action("followup.question_routed", _("Question sent to a partner"))
describe_action("followup.question_answered", _("Partner answered a question"))
describe_action("followup.question_declined", _("Partner declined a question with a reason"))

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
describe_action("initiative.contact_moment_added", _("Contact moment of the initiative planned"))
describe_action("initiative.contact_moment_changed", _("Contact moment of the initiative changed"))
describe_action("initiative.contact_moment_removed", _("Contact moment of the initiative removed"))

# The kerngroep.
describe_action("followup.kerngroep_member_added", _("Added to the kerngroep"))
describe_action("followup.kerngroep_member_left", _("Left the kerngroep"))
describe_action("followup.kerngroep_roles_changed", _("Kerngroep roles changed"))
describe_action("followup.kerngroep_link_sent", _("New personal kerngroep link sent"))
describe_action("followup.kerngroep_task_added", _("Kerngroep task added"))
describe_action("followup.kerngroep_task_changed", _("Kerngroep task changed"))
describe_action("followup.kerngroep_task_done", _("Kerngroep task marked done"))
describe_action("followup.kerngroep_task_reopened", _("Kerngroep task opened again"))

# The next round looks back, and public progress.
describe_action("followup.agreements_imported", _("Agreement statuses imported from a CSV file"))

# Choosing one dream together.
describe_action("decision.created", _("Decision moment made"))
describe_action("decision.options_added", _("Options added to the decision"))
describe_action("decision.option_removed", _("Option removed from the decision"))
describe_action("decision.opened", _("Vote on the decision opened"))
describe_action("decision.closed", _("Vote on the decision closed"))
describe_action("decision.paper_votes", _("Dots on paper typed in"))
describe_action("decision.winner_chosen", _("Choice of the decision confirmed"))
describe_action("decision.minority_recorded", _("What the minority needs recorded"))
describe_action("decision.initiative_made", _("Chosen dream made into an initiative"))
