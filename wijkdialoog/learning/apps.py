from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "wijkdialoog.learning"
    label = "learning"
    verbose_name = _("Leergang")

    def ready(self) -> None:
        from . import audit_labels  # noqa: F401

        # Wijkdialogen in beweging: the organiser's choice on the dashboard, a footer link.
        from .panels_collection import register_panels as register_collection_panels

        register_collection_panels()
        # The trainer's upcoming sessions on My page.
        from .panels import register_panels as register_course_panels

        register_course_panels()
