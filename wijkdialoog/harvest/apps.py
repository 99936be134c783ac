from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HarvestConfig(AppConfig):
    name = "wijkdialoog.harvest"
    label = "harvest"
    verbose_name = _("Harvest")

    def ready(self):
        from . import audit_labels  # noqa: F401
        from .panels import register_panels

        register_panels()
