from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SeatingConfig(AppConfig):
    name = "wijkdialoog.seating"
    label = "seating"
    verbose_name = _("Seating")

    def ready(self) -> None:
        from wijkdialoog.registrations.seats import provide_walk_in_seating

        from . import audit_labels  # noqa: F401 - registers on import
        from .panels import register_panels
        from .walk_ins import table_with_room

        provide_walk_in_seating(table_with_room)
        register_panels()
