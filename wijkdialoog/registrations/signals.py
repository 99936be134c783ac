"""Events of registrations, sent after commit (core/signals.py). Keyword arguments: below."""

from django.dispatch import Signal

# registration: someone has a place (registered with a free place, or moved up from waiting).
registration_confirmed = Signal()
# registration, previous_status: a registration (with its companions) is cancelled.
registration_cancelled = Signal()
