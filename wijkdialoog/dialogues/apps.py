from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialoguesConfig(AppConfig):
    name = "wijkdialoog.dialogues"
    label = "dialogues"
    verbose_name = _("Dialogues")

    def ready(self):
        from wijkdialoog.core.panels import register_panel

        from . import audit_labels  # noqa: F401

        register_panel("dashboard", template="dialogues/includes/dashboard_series.html", order=10)
