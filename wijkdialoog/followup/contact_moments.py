"""Samen verder: an initiative's planned contact moments, changed later by the organiser. The
chosen dream brings its first moments along; here one is added, moved, reworded or removed.
Every change goes to the audit log with the initiative as subject and the before and after."""

import datetime
from typing import Any

from django.db import transaction

from wijkdialoog.core import audit

from .editing import save_changes
from .models import ContactMoment, Initiative

MOMENT_FIELDS = ("on", "what")


def _payload(moment: ContactMoment, **extra: Any) -> dict[str, Any]:
    return {"moment": moment.pk, **extra}


@transaction.atomic
def add_contact_moment(
    *, initiative: Initiative, on: datetime.date, what: str, actor: Any
) -> ContactMoment:
    moment = ContactMoment.objects.create(initiative=initiative, on=on, what=what.strip())
    audit.record(
        actor=actor,
        action="initiative.contact_moment_added",
        subject=initiative,
        payload=_payload(moment, on=str(on), what=moment.what),
    )
    return moment


@transaction.atomic
def edit_contact_moment(*, moment: ContactMoment, actor: Any, **changes: Any) -> ContactMoment:
    stored, changed = save_changes(moment, changes, MOMENT_FIELDS)
    if changed:
        audit.record(
            actor=actor,
            action="initiative.contact_moment_changed",
            subject=stored.initiative,
            # Dates as text: the payload is JSON.
            payload=_payload(
                stored, changes={k: [str(v) for v in pair] for k, pair in changed.items()}
            ),
        )
    return stored


@transaction.atomic
def remove_contact_moment(*, moment: ContactMoment, actor: Any) -> None:
    stored = ContactMoment.objects.select_for_update().filter(pk=moment.pk).first()
    if stored is None:
        return
    initiative = stored.initiative
    payload = _payload(stored, on=str(stored.on), what=stored.what)
    stored.delete()
    audit.record(
        actor=actor, action="initiative.contact_moment_removed", subject=initiative, payload=payload
    )
