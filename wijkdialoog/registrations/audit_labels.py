from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.models import describe_action

describe_action("registration.created", _("Registered"))
describe_action("registration.changed", _("Registration changed"))
describe_action("registration.cancelled", _("Registration cancelled"))
describe_action("registration.promoted", _("Moved up from the waiting list"))
describe_action("registrations.exported", _("Registrations exported"))
describe_action("person.contact_changed", _("Contact details changed through the personal link"))
describe_action("person.email_confirmed", _("New email address confirmed"))
describe_action(
    "registration.moved_to_own_record",
    _("Registration given its own contact details (its personal link changed them)"),
)
describe_action(
    "registration.keep_posted_stopped",
    _("Stopped the mail about the results (opt-out link)"),
)
