from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaConfig(AppConfig):
    name = "wijkdialoog.agenda"
    label = "agenda"
    verbose_name = _("Wijkagenda")

    def ready(self) -> None:
        from wijkdialoog.outreach.channels import register_channel_owner

        from . import announce_channels, audit_labels  # noqa: F401
        from .panels import register_panels

        register_panels()
        # The agenda's tracked links lead to its vote and stay out of the invitation channels.
        register_channel_owner(
            "agenda",
            channel_ids=announce_channels.channel_ids,
            destination=announce_channels.destination,
        )
