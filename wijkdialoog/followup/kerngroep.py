"""The kerngroep of a series: members with roles, each with a personal link (or their login),
and a shared task list. Every change is written to the audit log with who made it: the
organiser's login, the member's login, or the member's first name through their link."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, F, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkdialoog.community.models import Person
from wijkdialoog.core import audit
from wijkdialoog.dialogues.models import Series

from .links import MAX_TOKEN_LENGTH, hash_token, new_token
from .models import KerngroepMember, KerngroepRole, KerngroepTask

MEMBER_RELATED = ("person", "series__organisation", "series__neighbourhood")


@dataclass(frozen=True)
class Summary:
    members: int
    open_tasks: int
    overdue: int


@dataclass(frozen=True)
class Changer:
    """Who makes a change: an organiser or member with a login (`user`), or a member through
    their personal link (`member` without a user)."""

    user: Any = None
    member: KerngroepMember | None = None

    def actor(self) -> dict[str, Any]:
        """The actor and label for audit.record."""
        label = ""
        if self.member is not None and not getattr(self.user, "is_authenticated", False):
            label = _("%(name)s (kerngroep, through their personal link)") % {
                "name": self.member.person.first_name
            }
        return {"actor": self.user, "actor_label": label}

    def payload(self, **values: Any) -> dict[str, Any]:
        if self.member is not None:
            values["member"] = self.member.pk
        return values


def link_url(token: str) -> str:
    return str(settings.SITE_URL) + reverse("kerngroep-link", args=[token])


def login_url(series: Series) -> str:
    return str(settings.SITE_URL) + reverse("kerngroep-mine", args=[series.pk])


def active_members(series: Series) -> QuerySet[KerngroepMember]:
    return KerngroepMember.objects.filter(series=series, left_at__isnull=True).select_related(
        "person"
    )


def member_by_token(token: str) -> KerngroepMember | None:
    """The active member behind a personal link; None when unknown, renewed or after leaving."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    return (
        KerngroepMember.objects.select_related(*MEMBER_RELATED)
        .filter(token_hash=hash_token(token), left_at__isnull=True)
        .first()
    )


def member_for_user(user: Any, series_pk: int) -> KerngroepMember | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        KerngroepMember.objects.select_related(*MEMBER_RELATED)
        .filter(series_id=series_pk, person__user=user, left_at__isnull=True)
        .first()
    )


def tasks_of(series: Series) -> QuerySet[KerngroepTask]:
    """The shared list: open tasks first by due date, then what is done, in order of doing."""
    return (
        KerngroepTask.objects.filter(series=series)
        .select_related("owner__person", "done_by__person")
        .order_by(F("done_at").asc(nulls_first=True), F("due_on").asc(nulls_last=True), "pk")
    )


def summary(series: Series, today: datetime.date | None = None) -> Summary:
    today = today or timezone.localdate()
    # One query: the members, the open tasks and the overdue ones, each counted in a subquery.
    members = KerngroepMember.objects.filter(series=OuterRef("pk"), left_at__isnull=True)
    tasks = KerngroepTask.objects.filter(series=OuterRef("pk"), done_at__isnull=True)
    row = (
        Series.objects.filter(pk=series.pk)
        .annotate(
            members=_counted(members),
            open_tasks=_counted(tasks),
            overdue=_counted(tasks.filter(due_on__lt=today)),
        )
        .values("members", "open_tasks", "overdue")
        .get()
    )
    return Summary(**row)


def _counted(rows: QuerySet[Any]) -> Coalesce:
    counted = rows.order_by().values("series").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted), Value(0))


def _check_roles(roles: Sequence[str]) -> list[str]:
    if set(roles) - set(KerngroepRole.values):
        raise ValidationError({"roles": _("Choose roles from the list.")}, code="role")
    return [role for role in KerngroepRole.values if role in roles]


def _find_or_make_person(series: Series, details: dict[str, str]) -> Person:
    email = details.get("email", "").strip()
    person = None
    if email:
        person = Person.objects.filter(
            organisation_id=series.organisation_id, email__iexact=email
        ).first()
    return person or Person.objects.create(
        organisation_id=series.organisation_id,
        first_name=details["first_name"].strip(),
        last_name=details.get("last_name", "").strip(),
        email=email,
        language=details.get("language") or Person.Language.DUTCH,
    )


@transaction.atomic
def add_member(
    *,
    series: Series,
    roles: Sequence[str],
    changer: Changer,
    person: Person | None = None,
    details: dict[str, str] | None = None,
) -> KerngroepMember:
    """Add someone (a person already known, or one by name and email) to the kerngroep; a new
    member gets their personal link by mail, in their language, after the commit."""
    roles = _check_roles(roles)
    if person is None:
        person = _find_or_make_person(series, details or {})
    elif person.organisation_id != series.organisation_id:
        raise ValidationError({"person": _("Choose someone of this organisation.")}, code="org")
    member, created = KerngroepMember.objects.select_for_update().get_or_create(
        series=series, person=person, defaults={"roles": roles}
    )
    if not created and member.left_at is None:
        raise ValidationError(_("This person is already in the kerngroep."), code="member")
    member.roles, member.left_at = roles, None
    member.save(update_fields=["roles", "left_at", "updated_at"])
    audit.record(
        action="followup.kerngroep_member_added",
        subject=member,
        payload=changer.payload(series=series.pk, roles=roles),
        **changer.actor(),
    )
    send_link(member=member, changer=None)
    return member


@transaction.atomic
def send_link(*, member: KerngroepMember, changer: Changer | None) -> None:
    """A new personal link by mail (the old one stops working); nothing without an address."""
    from .kerngroep_mails import send_welcome

    if not member.person.email or member.left_at is not None:
        return
    token = new_token()
    KerngroepMember.objects.filter(pk=member.pk).update(token_hash=hash_token(token))
    if changer is not None:
        audit.record(
            action="followup.kerngroep_link_sent",
            subject=member,
            payload=changer.payload(series=member.series_id),
            **changer.actor(),
        )
    transaction.on_commit(partial(send_welcome, member.pk, token))


@transaction.atomic
def set_roles(*, member: KerngroepMember, roles: Sequence[str], changer: Changer) -> None:
    roles = _check_roles(roles)
    before = list(member.roles)
    member.roles = roles
    member.save(update_fields=["roles", "updated_at"])
    audit.record(
        action="followup.kerngroep_roles_changed",
        subject=member,
        payload=changer.payload(before=before, after=roles),
        **changer.actor(),
    )


@transaction.atomic
def remove_member(*, member: KerngroepMember, changer: Changer) -> None:
    """The member leaves: their link stops working, no more mail; their open tasks are free."""
    left = KerngroepMember.objects.filter(pk=member.pk, left_at__isnull=True).update(
        left_at=timezone.now(), token_hash=None
    )
    if not left:
        return
    KerngroepTask.objects.filter(owner=member, done_at__isnull=True).update(owner=None)
    audit.record(
        action="followup.kerngroep_member_left",
        subject=member,
        payload=changer.payload(series=member.series_id),
        **changer.actor(),
    )


def _check_owner(series: Series, owner: KerngroepMember | None) -> None:
    if owner is not None and (owner.series_id != series.pk or owner.left_at is not None):
        raise ValidationError({"owner": _("Choose someone of this kerngroep.")}, code="owner")


@transaction.atomic
def add_task(
    *,
    series: Series,
    text: str,
    owner: KerngroepMember | None,
    due_on: datetime.date | None,
    changer: Changer,
) -> KerngroepTask:
    _check_owner(series, owner)
    task = KerngroepTask.objects.create(
        series=series, text=text.strip(), owner=owner, due_on=due_on, created_by=changer.member
    )
    audit.record(
        action="followup.kerngroep_task_added",
        subject=task,
        payload=changer.payload(series=series.pk),
        **changer.actor(),
    )
    return task


def may_edit(task: KerngroepTask, member: KerngroepMember | None) -> bool:
    """A member edits the tasks they do or added; organisers (member None) edit every task."""
    if member is None:
        return True
    return member.pk in (task.owner_id, task.created_by_id)


@transaction.atomic
def edit_task(
    *,
    task: KerngroepTask,
    text: str,
    owner: KerngroepMember | None,
    due_on: datetime.date | None,
    changer: Changer,
) -> KerngroepTask:
    stored = KerngroepTask.objects.select_for_update().get(pk=task.pk)
    if not may_edit(stored, changer.member):
        raise ValidationError(_("You can only change your own tasks."), code="not_yours")
    _check_owner(stored.series, owner)
    fields = ("text", "owner_id", "due_on")
    original = audit.snapshot(stored, fields)
    stored.text, stored.owner, stored.due_on = text.strip(), owner, due_on
    stored.save(update_fields=["text", "owner", "due_on", "updated_at"])
    changed = audit.changed_fields(stored, original, fields)
    if changed:
        audit.record(
            action="followup.kerngroep_task_changed",
            subject=stored,
            payload=changer.payload(fields=sorted(changed)),
            **changer.actor(),
        )
    return stored


@transaction.atomic
def mark_done(*, task: KerngroepTask, done: bool, changer: Changer) -> bool:
    """Mark a task done (or open again). A conditional update: when two people mark the same
    task done at once, one of them does it and the other changes nothing. Returns whether this
    call changed the task."""
    tasks = KerngroepTask.objects.filter(pk=task.pk)
    if done:
        user = changer.user if getattr(changer.user, "is_authenticated", False) else None
        changed = tasks.filter(done_at__isnull=True).update(
            done_at=timezone.now(), done_by=changer.member, done_by_user=user
        )
    else:
        changed = tasks.filter(done_at__isnull=False).update(
            done_at=None, done_by=None, done_by_user=None
        )
    if changed and done:
        audit.record(
            action="followup.kerngroep_task_done",
            subject=task,
            payload=changer.payload(series=task.series_id),
            **changer.actor(),
        )
    elif changed:
        audit.record(
            action="followup.kerngroep_task_reopened",
            subject=task,
            payload=changer.payload(series=task.series_id),
            **changer.actor(),
        )
    return bool(changed)
