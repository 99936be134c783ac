from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.models import describe_action

describe_action("agenda.created", _("Agenda made"))
describe_action("agenda.changed", _("Agenda changed"))
describe_action("agenda.statement_added", _("Statement added"))
describe_action("agenda.statement_changed", _("Statement changed"))
describe_action("agenda.statement_accepted", _("Proposal accepted"))
describe_action("agenda.statement_rejected", _("Proposal rejected"))
describe_action("agenda.statements_merged", _("Statements merged"))
describe_action("agenda.item_added", _("Priority added to the wijkagenda"))
describe_action("agenda.item_changed", _("Wijkagenda priority changed"))
describe_action("agenda.item_moved", _("Wijkagenda priority moved"))
describe_action("agenda.item_removed", _("Priority removed from the wijkagenda"))
describe_action("agenda.published", _("Wijkagenda published"))
describe_action("agenda.unpublished", _("Wijkagenda taken offline"))
describe_action("agenda.statement_proposed", _("Statement proposed by a voter"))
describe_action("agenda.ballot_entered", _("Paper ballot typed in"))
describe_action("agenda.announced", _("Agenda announced by email"))
describe_action("agenda.opt_out", _("No more invitation emails (from an agenda mail)"))
describe_action("agenda.imported", _("Agenda imported from Polis"))
describe_action("agenda.exported", _("Agenda downloaded as a Polis export"))
describe_action("agenda.channel_created", _("Channel made for the agenda"))
