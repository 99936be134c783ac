from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    name = "wijkdialoog.registrations"
    label = "registrations"
    verbose_name = _("Registrations")

    def ready(self):
        from . import audit_labels  # noqa: F401
        from .panels import register_panels

        register_panels()
