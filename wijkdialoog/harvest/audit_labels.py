from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.models import describe_action

describe_action("table_run.prepared", _("Table conversation prepared"))
describe_action("table_run.started", _("Table conversation started"))
describe_action("table_run.phase_changed", _("Moved to another phase"))
describe_action("table_run.timer_paused", _("Timer paused"))
describe_action("table_run.timer_resumed", _("Timer started again"))
describe_action("table_run.timer_extended", _("Five minutes added to the timer"))
describe_action("table_run.turn_marked", _("Turn marked"))
describe_action("table_run.turn_unmarked", _("Turn unmarked"))
describe_action("table_run.closed", _("Table conversation closed"))
describe_action("table_run.closing_note_changed", _("Closing note changed"))
describe_action("table_run.reopened", _("Table conversation opened again"))
describe_action("card.added", _("Harvest card added"))
describe_action("card.approved", _("Harvest card approved"))
describe_action("card.rejected", _("Harvest card not approved"))
describe_action("card.shared", _("Personal action shared by its owner"))
describe_action("card.unshared", _("Personal action made private again"))
describe_action("photo.added", _("Harvest photo added"))
describe_action("cards.exported", _("Harvest cards exported"))
describe_action("card.deleted", _("Harvest card removed"))
