from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.models import describe_action

describe_action("harvest_sharing.changed", _("What partners see of the harvest changed"))
describe_action("highlight.marked", _("Card marked as a highlight"))
describe_action("highlight.changed", _("Public use of a highlight changed"))
describe_action("highlight.removed", _("Highlight taken off a card"))
describe_action("series_harvest.exported", _("Harvest of a series or meeting exported"))
