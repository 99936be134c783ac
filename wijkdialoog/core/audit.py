"""The audit log: every change that people may later dispute is recorded by the domain function
that makes it, inside the same database transaction."""

from collections.abc import Mapping
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from .models import AuditEntry

MAX_PAYLOAD_KEYS = 20


def record(
    *,
    actor,
    action: str,
    subject: models.Model,
    payload: Mapping[str, Any] | None = None,
    actor_label: str = "",
) -> AuditEntry:
    """Write one audit entry. Must run inside the transaction of the change it describes."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        raise RuntimeError("audit.record() must be called inside transaction.atomic()")
    payload = dict(payload or {})
    if len(payload) > MAX_PAYLOAD_KEYS:
        raise ValueError("An audit payload is a small summary, not a copy of the object.")
    user = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEntry.objects.create(
        actor=user,
        actor_label=actor_label,
        action=action,
        content_type=ContentType.objects.get_for_model(subject),
        object_id=str(subject.pk),
        object_repr=str(subject)[:200],
        payload=payload,
    )


def history(subject: models.Model, limit: int = 50):
    """The most recent entries about one object, newest first."""
    return (
        AuditEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(subject), object_id=str(subject.pk)
        )
        .select_related("actor")
        .prefetch_related("actor__persons")
        .order_by("-created_at", "-id")[:limit]
    )


def snapshot(instance: models.Model, fields) -> dict:
    """The values of `fields` now, to see afterwards what a change changed (`changed_fields`)."""
    return {name: getattr(instance, name) for name in fields}


def stored_with_changes[M: models.Model](
    instance: M, changes: Mapping[str, Any], fields
) -> tuple[M, dict[str, Any]]:
    """The row as stored (locked for the change, not a form's edited copy) with `changes` set,
    and the values of `fields` it had before."""
    stored = type(instance)._default_manager.select_for_update().get(pk=instance.pk)
    before = snapshot(stored, fields)
    for name, value in changes.items():
        setattr(stored, name, value)
    return stored, before


def changed_fields(instance: models.Model, original: Mapping[str, Any], fields) -> dict:
    """The fields whose value differs from `original`, as {field: [old, new]} for the payload."""
    changes = {}
    for name in fields:
        old, new = original.get(name), getattr(instance, name)
        if old != new:
            changes[name] = [old, new]
    return changes
