"""Logging in: email and password (throttled by django-axes), or a one-time magic link."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django_ratelimit.decorators import ratelimit
from sesame.backends import ModelBackend as SesameBackend

from wijkdialoog.core.access import require

from ..access import has_role, roles_by_organisation
from ..forms import LoginForm, MagicLinkForm, PasswordChangeWithOldForm, PasswordForm
from ..magic_links import (
    ASSIGNMENT_MAX_AGE,
    ASSIGNMENT_SCOPE,
    INVITATION_MAX_AGE,
    INVITATION_SCOPE,
    LOGIN_SCOPE,
    forget_fresh_link_login,
    has_fresh_link_login,
    mark_fresh_link_login,
    user_for_link,
)
from ..models import Membership
from ..tasks import send_magic_link
from ..training import training_overview

SESAME_BACKEND = "sesame.backends.ModelBackend"


class LoginView(auth_views.LoginView):
    template_name = "community/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


def _magic_rate(group, request):
    return settings.MAGIC_LINK_RATE


def _magic_email(group, request):
    # One count per address however it is typed, so "A@x.nl" and "a@x.nl " share the limit.
    return request.POST.get("email", "").strip().lower()


@require_http_methods(["GET", "POST"])
@ratelimit(key="ip", rate=_magic_rate, method="POST", block=False)
@ratelimit(key=_magic_email, rate=_magic_rate, method="POST", block=False)
def magic_link_request(request):
    form = MagicLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # The same answer whether or not the address is known, and when limited.
        if not getattr(request, "limited", False):
            user = user_for_link(form.cleaned_data["email"])
            if user is not None:
                # The page that asked for a login comes back after the link is used.
                next_url = _safe_next(request, request.GET.get("next")) or ""
                send_magic_link.enqueue(user.pk, get_language(), next_url)
        return redirect("magic-link-sent")
    return render(request, "community/magic_link_request.html", {"form": form})


@require_GET
def magic_link_sent(request):
    return render(request, "community/magic_link_sent.html")


def _safe_next(request, value):
    if value and url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return None


@require_http_methods(["GET", "POST"])
def magic_link_open(request, *, invitation=False, assignment=False):
    """GET shows a button; only the POST uses the link, so mail scanners cannot use it up."""
    token = request.POST.get("sesame") if request.method == "POST" else request.GET.get("sesame")
    next_url = _safe_next(request, request.POST.get("next") or request.GET.get("next"))
    if not token:
        return render(request, "community/magic_link_invalid.html", status=400)
    if request.method == "POST":
        # The sesame backend itself, not authenticate(): an old or used link is no password
        # guess, so it must not count towards the password lockout of this network address.
        scope, max_age = LOGIN_SCOPE, None
        if invitation:
            scope, max_age = INVITATION_SCOPE, INVITATION_MAX_AGE
        elif assignment:
            scope, max_age = ASSIGNMENT_SCOPE, ASSIGNMENT_MAX_AGE
        user = SesameBackend().authenticate(request, sesame=token, scope=scope, max_age=max_age)
        if user is None:
            return render(request, "community/magic_link_invalid.html", status=400)
        login(request, user, backend=SESAME_BACKEND)
        mark_fresh_link_login(request)
        if (
            invitation
            and not user.has_usable_password()
            and has_role(user, Membership.Role.ORGANISER)
        ):
            messages.info(request, _("Welcome! Choose a password so you can also log in with it."))
            return redirect("set-password")
        return redirect(next_url or "after-login")
    return render(
        request,
        "community/magic_link_open.html",
        {"token": token, "next": next_url or "", "invitation": invitation},
    )


@require_GET
def after_login(request):
    if not request.user.is_authenticated:
        return redirect("login")
    if has_role(request.user, Membership.Role.ORGANISER):
        return redirect("dashboard")
    return redirect("my-page")


@require_http_methods(["GET", "POST"])
def set_password(request):
    """A new password needs the current one, or a login link used in the last few minutes:
    a session left open on a shared computer is not enough to take over the login."""
    require(request, "community.set_own_password")
    data = request.POST if request.method == "POST" else None
    form: PasswordForm | PasswordChangeWithOldForm
    if has_fresh_link_login(request):
        form = PasswordForm(request.user, data)
    elif request.user.has_usable_password():
        form = PasswordChangeWithOldForm(request.user, data)
    else:
        # No password to prove it with: a fresh login link is the proof, and brings you back.
        return render(request, "community/set_password.html", {"form": None})
    if data is not None and form.is_valid():
        form.save()
        update_session_auth_hash(request, form.user)
        forget_fresh_link_login(request)
        messages.success(request, _("Your password has been saved."))
        return redirect("after-login")
    return render(request, "community/set_password.html", {"form": form})


@require_GET
def my_page(request):
    require(request, "community.view_own_page")
    persons = request.user.persons.select_related("organisation", "neighbourhood").prefetch_related(
        "memberships"
    )
    return render(
        request,
        "community/my_page.html",
        {
            "persons": persons,
            "roles": roles_by_organisation(request.user),
            "training": training_overview(request.user),
        },
    )
