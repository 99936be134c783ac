from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.models import describe_action

describe_action("harvest_sharing.changed", _("What partners see of the harvest changed"))
describe_action("highlight.marked", _("Card marked as a highlight"))
describe_action("highlight.changed", _("Public use of a highlight changed"))
describe_action("highlight.removed", _("Highlight taken off a card"))
describe_action("series_harvest.exported", _("Harvest of a series or meeting exported"))
describe_action("themes.suggested", _("Themes suggested"))
describe_action("themes.sorted", _("Cards sorted into themes"))
describe_action("theme.created", _("Theme made"))
describe_action("theme.changed", _("Theme renamed or described"))
describe_action("theme.merged", _("Themes merged"))
describe_action("theme.split", _("Theme split"))
describe_action("theme.deleted", _("Theme deleted"))
describe_action("theme.card_moved", _("Card moved to a theme"))
describe_action("theme.confirmed", _("Cards of a theme confirmed"))
describe_action("story.saved", _("Draft of the neighbourhood story saved"))
describe_action("story.published", _("Neighbourhood story published"))
describe_action("story.withdrawn", _("Neighbourhood story taken offline"))
