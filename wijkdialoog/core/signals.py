"""Announcing domain events to higher apps, once the change is saved.

Each app declares its events as Django signals in its own `signals.py`; a higher app connects
its receivers in `AppConfig.ready()`. A signal goes out after the transaction commits, so a
receiver never acts on a change that is rolled back, and it runs once.
"""

from functools import partial

from django.db import transaction
from django.dispatch import Signal


def send_on_commit(signal: Signal, *, sender: type, **kwargs) -> None:
    transaction.on_commit(partial(signal.send, sender=sender, **kwargs), robust=False)
