from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "wijkdialoog.reporting"
    label = "reporting"
    verbose_name = _("Reporting")

    def ready(self) -> None:
        from . import audit_labels  # noqa: F401

        # The oogstverslag's links on the neighbourhood, meeting and series pages.
        from .panels import register_panels as register_report_panels

        register_report_panels()
        from .panels_population import register_panels as register_population_panels

        register_population_panels()
        from .panels_evaluation import register_panels as register_evaluation_panels

        register_evaluation_panels()
