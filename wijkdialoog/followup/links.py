"""Personal links, shared by every part of the follow-up: a person acts through an unguessable
link without an account. Only the link's hash is stored; visits are rate-limited per network
address, and what is sent through a link also per link."""

from collections.abc import Callable
from typing import cast

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django_ratelimit.decorators import ratelimit

# The same random tokens and sha256 hashes as a voting device's (core.device_token).
from wijkdialoog.core.device_token import hash_token as hash_token
from wijkdialoog.core.device_token import new_token as new_token

View = Callable[..., HttpResponse]
MAX_TOKEN_LENGTH = 100


def plausible(token: str) -> bool:
    """Whether a token is worth looking up at all."""
    return bool(token) and len(token) <= MAX_TOKEN_LENGTH


def _rate_per_ip(group: str, request: HttpRequest) -> str:
    return str(settings.FOLLOWUP_LINK_RATE_PER_IP)


def _rate_per_link(group: str, request: HttpRequest) -> str:
    return str(settings.FOLLOWUP_LINK_RATE_PER_LINK)


def _token_key(group: str, request: HttpRequest) -> str:
    match = request.resolver_match
    return str(match.kwargs.get("token", "")) if match else ""


def limited(view: View) -> View:
    """Per network address for every visit, per link for what is sent through it. The view
    checks `request.limited` and shows core/rate_limited.html."""
    view = ratelimit(key=_token_key, rate=_rate_per_link, method="POST", block=False)(view)
    return cast(
        View, ratelimit(key="ip", rate=_rate_per_ip, method=["GET", "POST"], block=False)(view)
    )


def link_invalid(
    request: HttpRequest, *, explanation: str, ask: str = "", title: str = ""
) -> HttpResponse:
    """The one page for a personal link that does not work (any more): unknown, replaced or
    revoked. It says why that may be and whom to ask, and never who the link was for."""
    context = {
        "title": title or _("This link does not work (any more)"),
        "explanation": explanation,
        "ask": ask,
    }
    return render(request, "followup/link_invalid.html", context, status=404)
