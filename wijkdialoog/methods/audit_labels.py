from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.models import describe_action

describe_action("method.copied", _("Method copied"))
describe_action("method.changed", _("Method changed"))
describe_action("method.phase_added", _("Phase added"))
describe_action("method.phase_changed", _("Phase changed"))
describe_action("method.phase_removed", _("Phase removed"))
describe_action("method.phase_moved", _("Phase moved"))
