"""Who holds which role where. The few access functions every permission is built on."""

from django.db.models import Model

from .models import Membership, Role


def roles_by_organisation(user) -> dict[int, set[str]]:
    """{organisation id: {roles}} for a logged-in user, computed once per user object."""
    if not getattr(user, "is_authenticated", False):
        return {}
    cached = getattr(user, "_wijkdialoog_roles", None)
    if cached is None:
        cached = {}
        rows = Membership.objects.filter(
            person__user=user, is_active=True, person__user__is_active=True
        ).values_list("person__organisation_id", "role")
        for organisation_id, role in rows:
            cached.setdefault(organisation_id, set()).add(role)
        user._wijkdialoog_roles = cached
    return cached


def forget_roles(user) -> None:
    """Drop the cached roles after they change within one request."""
    if hasattr(user, "_wijkdialoog_roles"):
        del user._wijkdialoog_roles


def organisation_id_of(subject) -> int | None:
    """The organisation a domain object belongs to. Every domain model exposes `organisation_id`
    (a field or a property); an Organisation is its own."""
    from .models import Organisation

    if subject is None:
        return None
    if isinstance(subject, Organisation):
        return subject.pk
    if isinstance(subject, Model) or hasattr(subject, "organisation_id"):
        return getattr(subject, "organisation_id", None)
    return None


def has_role(user, role: Role, subject=None) -> bool:
    """Whether the user holds `role` in the subject's organisation (or anywhere, without one)."""
    roles = roles_by_organisation(user)
    if subject is None:
        return any(role in held for held in roles.values())
    organisation_id = organisation_id_of(subject)
    return organisation_id is not None and role in roles.get(organisation_id, set())


def organisations_where(user, role: Role) -> list[int]:
    return [org_id for org_id, held in roles_by_organisation(user).items() if role in held]


SESSION_KEY = "wijkdialoog_organisation"


def current_organisation(request, *roles: Role):
    """The organisation the user works in now; the one place that decides it. For the first of
    `roles` the user holds anywhere (without roles: any role): the organisation chosen in this
    session when they hold it there, else the first where they do. None when they hold none."""
    from .models import Organisation

    held = roles_by_organisation(request.user)
    for role in roles or (None,):
        allowed = sorted(org for org, names in held.items() if role is None or role in names)
        if allowed:
            chosen = request.session.get(SESSION_KEY)
            return Organisation.objects.get(pk=chosen if chosen in allowed else allowed[0])
    return None
