"""What registrations does when something happens in dialogues (connected in apps.py).

Receivers only call domain functions; they run after the change in dialogues is committed.
"""

from wijkdialoog.dialogues import signals as dialogues_signals

from .models import Registration
from .tasks import send_meeting_cancelled
from .waiting_list import promote_from_waiting_list


def tell_registered_people(sender, *, meeting, actor=None, **kwargs) -> None:
    """Everyone registered or waiting hears that the meeting does not go ahead."""
    ids = meeting.registrations.exclude(status=Registration.Status.CANCELLED).values_list(
        "pk", flat=True
    )
    for registration_id in ids:
        send_meeting_cancelled.enqueue(registration_id)


def give_new_places(sender, *, meeting, actor=None, **kwargs) -> None:
    """New seats go to the people who have waited longest, and they are told."""
    promote_from_waiting_list(meeting=meeting, actor=actor)


def connect() -> None:
    uid = "registrations."
    dialogues_signals.meeting_cancelled.connect(
        tell_registered_people, dispatch_uid=uid + "tell_registered_people"
    )
    dialogues_signals.places_added.connect(give_new_places, dispatch_uid=uid + "give_new_places")
