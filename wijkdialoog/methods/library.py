"""Named domain functions for the method library: copy a method into an organisation, adapt its
text and its phases. Each one is a transaction that writes the audit log with the change.

Shipped methods (no organisation) are read-only: organisers copy one and adapt the copy.
Positions of a method's phases are always 1, 2, 3, ... without gaps.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import translation
from django.utils.translation import gettext as _

from wijkdialoog.community.models import Organisation
from wijkdialoog.core import audit
from wijkdialoog.core.audit import changed_fields

from .models import Method, Phase

METHOD_FIELDS = ("name", "summary", "conversation_rules")
PHASE_FIELDS = ("name", "purpose", "questions", "minutes", "card_kinds")


class ShippedMethodIsReadOnly(ValidationError):
    def __init__(self):
        super().__init__(_("A method that comes with Wijkdialoog cannot be changed. Copy it."))


def _check_editable(method: Method) -> None:
    if method.is_builtin:
        raise ShippedMethodIsReadOnly


def _free_family(organisation: Organisation, family: str) -> str:
    taken = set(
        Method.objects.filter(organisation=organisation, family__startswith=family).values_list(
            "family", flat=True
        )
    )
    candidate, number = family, 1
    while candidate in taken:
        number += 1
        candidate = f"{family}-{number}"[:80]
    return candidate


@transaction.atomic
def copy_method(*, method: Method, organisation: Organisation, actor) -> Method:
    """Copies every language version of `method` into `organisation`, phases included, each
    copy pointing at its original with `based_on`. Returns the copy in `method`'s language."""
    versions = list(
        Method.objects.filter(family=method.family, organisation_id=method.organisation_id)  # type: ignore[misc]  # None: shipped methods
        .prefetch_related("phases")
        .order_by("language")
    )
    family = _free_family(organisation, method.family)
    copies = {}
    for original in versions:
        with translation.override(original.language):
            name = _("%(name)s (copy)") % {"name": original.name}
        copy = Method.objects.create(
            organisation=organisation,
            family=family,
            language=original.language,
            name=name[:120],
            summary=original.summary,
            conversation_rules=original.conversation_rules,
            based_on=original,
        )
        Phase.objects.bulk_create(
            Phase(
                method=copy,
                position=phase.position,
                **{name: getattr(phase, name) for name in PHASE_FIELDS},
            )
            for phase in original.phases.all()
        )
        audit.record(
            actor=actor,
            action="method.copied",
            subject=copy,
            payload={"copied_from": original.pk, "language": original.language},
        )
        copies[original.language] = copy
    return copies[method.language]


@transaction.atomic
def update_method(*, method: Method, actor, **changes) -> Method:
    """Changes a method's name, summary and rules, given as keyword arguments."""
    _check_editable(method)
    method, original = audit.stored_with_changes(method, changes, METHOD_FIELDS)
    changes = changed_fields(method, original, METHOD_FIELDS)
    method.full_clean()
    method.save()
    if changes:
        audit.record(actor=actor, action="method.changed", subject=method, payload=changes)
    return method


def _locked_phases(method: Method) -> list[Phase]:
    # Locking the method row serialises edits of its phase order.
    Method.objects.select_for_update().filter(pk=method.pk).first()
    return list(Phase.objects.filter(method=method).order_by("position"))


@transaction.atomic
def add_phase(*, method: Method, actor, **fields) -> Phase:
    """Adds a phase at the end of the method."""
    _check_editable(method)
    _locked_phases(method)
    last = Phase.objects.filter(method=method).aggregate(last=Max("position"))["last"] or 0
    phase = Phase(method=method, position=last + 1, **fields)
    phase.full_clean()
    phase.save()
    audit.record(
        actor=actor,
        action="method.phase_added",
        subject=method,
        payload={"phase": phase.name, "position": phase.position},
    )
    return phase


@transaction.atomic
def update_phase(*, phase: Phase, actor, **changes) -> Phase:
    """Changes a phase; the changes are given as keyword arguments."""
    _check_editable(phase.method)
    phase, original = audit.stored_with_changes(phase, changes, PHASE_FIELDS)
    changes = changed_fields(phase, original, PHASE_FIELDS)
    phase.full_clean()
    phase.save()
    if changes:
        audit.record(
            actor=actor,
            action="method.phase_changed",
            subject=phase.method,
            payload={"position": phase.position, **changes},
        )
    return phase


@transaction.atomic
def delete_phase(*, phase: Phase, actor) -> None:
    """Removes a phase and closes the gap, so positions stay 1, 2, 3, ..."""
    method = phase.method
    _check_editable(method)
    phases = _locked_phases(method)
    if len(phases) <= 1:
        raise ValidationError(_("A method needs at least one phase."))
    Phase.objects.filter(pk=phase.pk).delete()
    # One row at a time, upwards, so the unique position is never taken twice.
    for later in (p for p in phases if p.position > phase.position):
        later.position -= 1
        later.save(update_fields=["position", "updated_at"])
    audit.record(
        actor=actor,
        action="method.phase_removed",
        subject=method,
        payload={"phase": phase.name, "position": phase.position},
    )


@transaction.atomic
def move_phase(*, phase: Phase, actor, direction: str) -> Phase:
    """Swaps a phase with the one before ("up") or after ("down"); at either end nothing moves."""
    method = phase.method
    _check_editable(method)
    if direction not in ("up", "down"):
        raise ValueError(direction)
    phases = _locked_phases(method)
    index = next(i for i, p in enumerate(phases) if p.pk == phase.pk)
    other_index = index - 1 if direction == "up" else index + 1
    if not 0 <= other_index < len(phases):
        return phases[index]
    this, other = phases[index], phases[other_index]
    old, new = this.position, other.position
    # Through a free position (0), since no two phases may share one even for a moment.
    this.position = 0
    this.save(update_fields=["position", "updated_at"])
    other.position = old
    other.save(update_fields=["position", "updated_at"])
    this.position = new
    this.save(update_fields=["position", "updated_at"])
    audit.record(
        actor=actor,
        action="method.phase_moved",
        subject=method,
        payload={"phase": this.name, "from": old, "to": new},
    )
    return this
