"""Magic links: a one-time, short-lived login link by email for anyone the platform knows."""

import time

from django.conf import settings
from django.urls import reverse
from django.utils.http import urlencode
from sesame.utils import get_query_string

from .models import Membership, Person, User

LOGIN_SCOPE = ""
INVITATION_SCOPE = "invitation"
INVITATION_MAX_AGE = 7 * 24 * 3600
# The link in a facilitator's table assignment mail: one use, a week, straight to their table.
ASSIGNMENT_SCOPE = "assignment"
ASSIGNMENT_MAX_AGE = 7 * 24 * 3600
# Right after a login link was used, the owner of the mailbox may choose a new password
# without typing the old one (they may have forgotten it); not from an older session.
FRESH_LINK_SECONDS = 10 * 60
FRESH_LINK_SESSION_KEY = "wd_link_login_at"


def login_url(
    user: User, *, invitation: bool = False, assignment: bool = False, next_url: str = ""
) -> str:
    scope, view = LOGIN_SCOPE, "magic-link-open"
    if invitation:
        scope, view = INVITATION_SCOPE, "invitation-open"
    elif assignment:
        scope, view = ASSIGNMENT_SCOPE, "assignment-open"
    url = f"{settings.SITE_URL}{reverse(view)}{get_query_string(user, scope=scope)}"
    if next_url:
        url += f"&{urlencode({'next': next_url})}"
    return url


def user_for_link(email: str) -> User | None:
    """The login a magic link may be sent to, or None. Anyone with an active role is known;
    residents are not: they reach their registrations through their personal manage link."""
    email = email.strip().lower()
    person = (
        Person.objects.filter(
            email__iexact=email,
            memberships__is_active=True,
        )
        .select_related("user")
        .order_by("pk")
        .first()
    )
    if person is None:
        return None
    if person.user is not None and not person.user.is_active:
        return None
    from .roles import ensure_user

    return ensure_user(person)


def has_any_role(user: User) -> bool:
    return Membership.objects.filter(person__user=user, is_active=True).exists()


def mark_fresh_link_login(request) -> None:
    request.session[FRESH_LINK_SESSION_KEY] = time.time()


def has_fresh_link_login(request) -> bool:
    used_at = request.session.get(FRESH_LINK_SESSION_KEY)
    return used_at is not None and 0 <= time.time() - used_at <= FRESH_LINK_SECONDS


def forget_fresh_link_login(request) -> None:
    request.session.pop(FRESH_LINK_SESSION_KEY, None)
