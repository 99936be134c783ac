from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaConfig(AppConfig):
    name = "wijkdialoog.agenda"
    label = "agenda"
    verbose_name = _("Wijkagenda")

    def ready(self) -> None:
        from . import audit_labels  # noqa: F401
        from .panels import register_panels

        register_panels()
