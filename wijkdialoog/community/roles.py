"""Named domain functions for roles: inviting people, recording training, ending a role."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkdialoog.core import audit

from .models import Membership, Organisation, Person, User

Role = Membership.Role


def ensure_user(person: Person) -> User:
    """Give a person a login (without password) so they can use magic links."""
    if person.user is not None:
        return person.user
    if not person.email:
        raise ValidationError({"email": _("An email address is needed to invite someone.")})
    user = User.objects.filter(email__iexact=person.email).first()
    if user is None:
        user = User.objects.create_user(email=person.email, password=None)
    person.user = user
    person.save(update_fields=["user", "updated_at"])
    return user


@transaction.atomic
def invite_member(
    *,
    organisation: Organisation,
    actor,
    email: str,
    first_name: str,
    role: str,
    last_name: str = "",
    language: str = Person.Language.DUTCH,
    partner_kind: str = "",
    partner_organisation: str = "",
) -> Membership:
    """Give someone a role in the organisation and mail them a link to log in."""
    from .tasks import send_invitation

    email = email.strip().lower()
    person = Person.objects.filter(organisation=organisation, email__iexact=email).first()
    if person is None:
        person = Person(
            organisation=organisation,
            email=email,
            first_name=first_name,
            last_name=last_name,
            language=language,
        )
        person.full_clean()
        person.save()
        audit.record(actor=actor, action="person.created", subject=person)
    ensure_user(person)

    membership = Membership.objects.filter(person=person, role=role).first()
    if membership and membership.is_active:
        raise ValidationError(_("%(name)s already has this role.") % {"name": person.full_name})
    if membership is None:
        membership = Membership(person=person, role=role)
    membership.is_active = True
    if role == Role.PARTNER:
        membership.partner_kind = partner_kind or Membership.PartnerKind.OTHER
        membership.partner_organisation = partner_organisation
    membership.invited_at = timezone.now()
    membership.full_clean()
    membership.save()
    audit.record(
        actor=actor, action="membership.invited", subject=membership, payload={"role": role}
    )
    send_invitation.enqueue(membership.pk)
    return membership


@transaction.atomic
def record_training(
    *, membership: Membership, actor, trained_since: datetime.date, trained_by: Person | None
) -> Membership:
    """Mark a facilitator as trained; only trained facilitators lead a table."""
    if membership.role != Role.FACILITATOR:
        raise ValidationError(_("Only facilitators have a training status."))
    if trained_since > timezone.localdate():
        raise ValidationError({"trained_since": _("The training date cannot be in the future.")})
    membership.trained_since = trained_since
    membership.trained_by = trained_by
    membership.save(update_fields=["trained_since", "trained_by", "updated_at"])
    audit.record(
        actor=actor,
        action="membership.training_recorded",
        subject=membership,
        payload={
            "trained_since": trained_since.isoformat(),
            "trained_by": trained_by and trained_by.pk,
        },
    )
    return membership


@transaction.atomic
def set_membership_active(*, membership: Membership, actor, active: bool) -> Membership:
    if membership.is_active == active:
        return membership
    if not active and membership.role == Role.ORGANISER:
        # Without an organiser nobody can manage the organisation or give the role back.
        others = Membership.objects.filter(
            person__organisation_id=membership.person.organisation_id,
            role=Role.ORGANISER,
            is_active=True,
        ).exclude(pk=membership.pk)
        if not others.exists():
            raise ValidationError(
                _("An organisation needs at least one organiser. Invite another organiser first.")
            )
    membership.is_active = active
    membership.save(update_fields=["is_active", "updated_at"])
    audit.record(
        actor=actor,
        action="membership.resumed" if active else "membership.ended",
        subject=membership,
    )
    return membership
