"""Changing a stored row after it is made, the same way everywhere in the follow-up: the row
locked as stored, only the allowed fields set (text without surrounding spaces), saved only when
something changed, and the before and after of each changed field for the audit payload."""

from collections.abc import Mapping, Sequence
from typing import Any

from django.db import models

from wijkdialoog.core import audit


def save_changes[M: models.Model](
    instance: M, changes: Mapping[str, Any], fields: Sequence[str]
) -> tuple[M, dict[str, list[Any]]]:
    """The stored row with `changes` to `fields` saved, and {field: [before, after]}."""
    cleaned = {
        name: value.strip() if isinstance(value, str) else value
        for name, value in changes.items()
        if name in fields
    }
    stored, before = audit.stored_with_changes(instance, cleaned, fields)
    changed = audit.changed_fields(stored, before, fields)
    if changed:
        stored.save(update_fields=[*changed, "updated_at"])
    return stored, changed
