from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.models import describe_action

describe_action("registration.moved_to_table", _("Moved to another table by hand"))
describe_action("registration.table_unlocked", _("Free to be placed again"))
describe_action("registration.seats_swapped", _("Swapped seats with someone by hand"))
