"""Events of registrations, sent after commit (core/signals.py). Keyword arguments: below."""

from django.dispatch import Signal

from wijkdialoog.core.signals import send_on_commit

# registration: someone has a place (registered with a free place, or moved up from waiting).
registration_confirmed = Signal()
# registration, previous_status: a registration (with its companions) is cancelled.
registration_cancelled = Signal()


def announce_confirmed(registration) -> None:
    send_on_commit(registration_confirmed, sender=type(registration), registration=registration)


def announce_cancelled(registration, *, previous_status: str) -> None:
    send_on_commit(
        registration_cancelled,
        sender=type(registration),
        registration=registration,
        previous_status=previous_status,
    )
