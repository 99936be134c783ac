from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    name = "wijkdialoog.outreach"
    label = "outreach"
    verbose_name = _("Outreach")

    def ready(self) -> None:
        from . import audit_labels  # noqa: F401 - registers on import
        from .panels import register_panels

        register_panels()
