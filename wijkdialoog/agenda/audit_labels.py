from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.models import describe_action

describe_action("agenda.created", _("Agenda made"))
describe_action("agenda.statement_proposed", _("Statement proposed by a voter"))
describe_action("agenda.ballot_entered", _("Paper ballot typed in"))
