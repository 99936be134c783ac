"""Events of dialogues, sent after commit (core/signals.py). Keyword arguments: below."""

from django.dispatch import Signal

# meeting, actor: the meeting is cancelled; registered people must hear it.
meeting_cancelled = Signal()
# meeting, actor: a table was added or got more seats, so people waiting may get a place.
places_added = Signal()
