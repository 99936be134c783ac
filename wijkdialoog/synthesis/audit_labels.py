from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.models import describe_action

describe_action("harvest_sharing.changed", _("What partners see of the harvest changed"))
describe_action("story.saved", _("Draft of the neighbourhood story saved"))
describe_action("story.published", _("Neighbourhood story published"))
describe_action("story.withdrawn", _("Neighbourhood story taken offline"))
