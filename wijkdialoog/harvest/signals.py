"""Events of harvest, sent after commit (core/signals.py). Keyword arguments: below."""

from django.dispatch import Signal

# run: the facilitator closed the conversation at a table (the first time, not a note change).
table_closed = Signal()
# card: a harvest card was saved (once, also when a retry sends it again).
card_added = Signal()
