"""Human labels for the audit actions of the learning app (core.models.describe_action)."""

from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.models import describe_action

# Wijkdialogen in beweging (collection.py).
describe_action(
    "collection_sharing.changed", _("Sharing in Wijkdialogen in beweging switched on or off")
)

# Courses and sessions (courses.py).
describe_action("course.created", _("Course created"))
describe_action("course.changed", _("Course changed"))
describe_action("course.session_added", _("Session of a course added"))
describe_action("course.session_changed", _("Session of a course changed"))
describe_action("course.session_removed", _("Session of a course removed"))
describe_action("course.material_added", _("Material of a course added"))
describe_action("course.leergang_saved", _("Leergang saved"))
