from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialoguesConfig(AppConfig):
    name = "wijkdialoog.dialogues"
    label = "dialogues"
    verbose_name = _("Dialogues")

    def ready(self):
        from . import audit_labels  # noqa: F401
