"""The personal link: a person acts without an account through an unguessable address. Only a
hash of the token is stored; the link pages are rate-limited per network address for every visit
and per link for what is sent through it. Shared by the follow-up of personal actions and the
initiatives' team members."""

import hashlib
import secrets
from collections.abc import Callable
from typing import cast

from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django_ratelimit.decorators import ratelimit

View = Callable[..., HttpResponseBase]


def new_token() -> str:
    return secrets.token_urlsafe(24)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def plausible(token: str) -> bool:
    """Whether a token is worth a database query at all."""
    return bool(token) and len(token) <= 100


def _rate_per_ip(group: str, request: HttpRequest) -> str:
    return str(settings.FOLLOWUP_LINK_RATE_PER_IP)


def _rate_per_link(group: str, request: HttpRequest) -> str:
    return str(settings.FOLLOWUP_LINK_RATE_PER_LINK)


def _token_key(group: str, request: HttpRequest) -> str:
    match = request.resolver_match
    return str(match.kwargs.get("token", "")) if match else ""


def limited(view: View) -> View:
    """Per network address for every visit, per link for what is sent through it. The view
    answers `request.limited` with core/rate_limited.html."""
    view = ratelimit(key=_token_key, rate=_rate_per_link, method="POST", block=False)(view)
    return cast(
        View, ratelimit(key="ip", rate=_rate_per_ip, method=["GET", "POST"], block=False)(view)
    )
