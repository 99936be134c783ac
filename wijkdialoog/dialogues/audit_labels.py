from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.models import describe_action

describe_action("venue.created", _("Venue added"))
describe_action("venue.changed", _("Venue changed"))
describe_action("series.created", _("Dialogue series started"))
describe_action("series.changed", _("Dialogue series changed"))
describe_action("meeting.created", _("Meeting planned"))
describe_action("meeting.changed", _("Meeting changed"))
describe_action("meeting.cancelled", _("Meeting cancelled"))
describe_action("table.created", _("Table added"))
describe_action("table.changed", _("Table changed"))
describe_action("table.deleted", _("Table removed"))
describe_action("table.facilitator_assigned", _("Facilitator assigned"))
describe_action("table.facilitator_override", _("Untrained facilitator allowed, with a reason"))
