"""Personal links, shared by the parts of the follow-up: a person acts through an unguessable
link without an account. Only the hash of the token is stored; every visit is rate-limited per
network address, and what is sent through one link also per link."""

import hashlib
import secrets
from collections.abc import Callable
from typing import cast

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django_ratelimit.decorators import ratelimit

View = Callable[..., HttpResponse]
# Longer than any token we make: a longer one is not looked up at all.
MAX_TOKEN_LENGTH = 100


def new_token() -> str:
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


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
