from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.models import describe_action

describe_action("agenda.created", _("Agenda made"))
