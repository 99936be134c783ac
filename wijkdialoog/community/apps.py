from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "wijkdialoog.community"
    label = "community"
    verbose_name = _("Community")

    def ready(self):
        from wijkdialoog.core.panels import register_panel

        from . import audit_labels  # noqa: F401

        register_panel("main-menu", template="community/includes/menu.html")
        register_panel("footer", template="community/includes/footer_contact.html")
        register_panel("footer-links", template="community/includes/footer_login.html")
        register_panel("my-page", template="community/includes/my_training.html", order=20)
