"""Where check-in seats someone who walks in. Seating knows how to find the table with the best
mix and provides it in SeatingConfig.ready(); registrations only asks:

    table_id, seat_added = seat_walk_in(meeting, registration)

Without a provider a walk-in gets no table (and no seat is added).
"""

from collections.abc import Callable

from wijkdialoog.dialogues.models import Meeting

from .models import Registration

# (meeting, registration) -> (table id or None, whether a table got an extra seat)
PlaceWalkIn = Callable[[Meeting, Registration], tuple[int | None, bool]]

_provider: list[PlaceWalkIn] = []


def provide_walk_in_seating(place: PlaceWalkIn) -> None:
    _provider[:] = [place]


def seat_walk_in(meeting: Meeting, registration: Registration) -> tuple[int | None, bool]:
    """Called inside check-in's transaction, with the meeting locked."""
    if not _provider:
        return None, False
    return _provider[0](meeting, registration)
