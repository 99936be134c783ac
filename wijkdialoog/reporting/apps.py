from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "wijkdialoog.reporting"
    label = "reporting"
    verbose_name = _("Reporting")

    def ready(self) -> None:
        from . import audit_labels  # noqa: F401
        from .panels_evaluation import register_panels as register_evaluation_panels

        register_evaluation_panels()
