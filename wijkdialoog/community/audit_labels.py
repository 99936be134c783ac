from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.models import describe_action

describe_action("person.created", _("Person added"))
describe_action("person.changed", _("Person changed"))
describe_action("neighbourhood.created", _("Neighbourhood added"))
describe_action("neighbourhood.changed", _("Neighbourhood changed"))
describe_action("membership.invited", _("Invited for a role"))
describe_action("membership.training_recorded", _("Training recorded"))
describe_action("membership.ended", _("Role ended"))
describe_action("membership.resumed", _("Role resumed"))
describe_action("organisation.contact_changed", _("Contact details for residents changed"))
