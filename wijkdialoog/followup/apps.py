from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "wijkdialoog.followup"
    label = "followup"
    verbose_name = _("Follow-up")

    def ready(self) -> None:
        from . import audit_labels  # noqa: F401
        from .panels import (
            register_agenda_item_panels,
            register_agreement_panels,
            register_initiative_panels,
            register_panels,
            register_public_answer_panels,
        )

        register_panels()
        register_agreement_panels()
        register_initiative_panels()
        register_public_answer_panels()
        register_agenda_item_panels()

        # The next round looks back, and public progress (items 7 and 8).
        from .panels import register_feed_events, register_progress_panels

        register_progress_panels()
        register_feed_events()

        from .panels import register_decision_panels

        register_decision_panels()
