from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.models import describe_action

describe_action("channel.created", _("Invitation channel added"))
describe_action("channel.invitations_imported", _("Email addresses imported"))
describe_action("channel.invitations_sent", _("Invitation emails sent"))
describe_action("channel.opt_out", _("Someone asked for no more invitation emails"))
