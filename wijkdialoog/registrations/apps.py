from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    name = "wijkdialoog.registrations"
    label = "registrations"
    verbose_name = _("Registrations")

    def ready(self):
        from wijkdialoog.dialogues import availability

        from . import audit_labels, receivers  # noqa: F401 - audit_labels registers on import
        from .counts import REGISTRATION_COUNTS
        from .panels import register_panels

        availability.provide_counts(REGISTRATION_COUNTS)
        receivers.connect()
        register_panels()
