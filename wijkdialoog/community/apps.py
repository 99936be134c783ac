from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "wijkdialoog.community"
    label = "community"
    verbose_name = _("Community")

    def ready(self):
        from . import audit_labels  # noqa: F401
