"""Listening to a domain signal in a test: what was sent, and when."""

from contextlib import contextmanager


@contextmanager
def listen(signal):
    heard: list[dict] = []

    def receiver(sender, **kwargs):
        heard.append({"sender": sender, **kwargs})

    signal.connect(receiver, weak=False)
    try:
        yield heard
    finally:
        signal.disconnect(receiver)


class Rollback(Exception):
    """Raised inside a transaction to roll it back."""
