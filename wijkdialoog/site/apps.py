from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The top of the app order: the home and privacy pages and the demo, which use every app."""

    name = "wijkdialoog.site"
    label = "site"
    verbose_name = _("Site")

    def ready(self) -> None:
        from wijkdialoog.core.landmarks import provide

        from . import views

        provide("home", views.home)
        provide("privacy", views.privacy)
