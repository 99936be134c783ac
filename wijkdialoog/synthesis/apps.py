from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SynthesisConfig(AppConfig):
    name = "wijkdialoog.synthesis"
    label = "synthesis"
    verbose_name = _("Themes and the story")

    def ready(self) -> None:
        from . import audit_labels, signals  # noqa: F401
        from .panels import register_panels

        register_panels()
