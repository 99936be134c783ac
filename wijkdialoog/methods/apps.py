from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MethodsConfig(AppConfig):
    name = "wijkdialoog.methods"
    label = "methods"
    verbose_name = _("Methods")

    def ready(self):
        from . import audit_labels  # noqa: F401
