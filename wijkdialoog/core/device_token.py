"""A device as a voter without an account, shared by the wijkagenda's vote and choosing one
dream together: a random token in a signed cookie that only works for one agenda or decision
(its scope), HttpOnly, SameSite=Lax and sent only on that vote's path. Only the token's sha256
is stored with a vote. Reading a cookie changes nothing; a forged or copied one reads as None."""

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django_ratelimit.decorators import ratelimit

View = Callable[..., HttpResponse]
# Far longer than a signed token (with a registration id) ever is.
MAX_COOKIE_LENGTH = 200
MIN_TOKEN_LENGTH = 32


def new_token() -> str:
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def plausible(token: str) -> bool:
    """Whether a token read from a cookie is long enough to be one we handed out."""
    return len(token) >= MIN_TOKEN_LENGTH


@dataclass(frozen=True)
class DeviceCookie:
    name: str
    salt: str
    max_age: int

    def _signer(self, scope: str) -> signing.Signer:
        # Per scope: a cookie copied from one agenda's or decision's path to another's is refused.
        return signing.get_cookie_signer(salt=f"{self.salt}.{scope}")

    def read(self, request: HttpRequest, scope: str) -> str | None:
        """The signed value for this scope, or None when missing, too long or not ours."""
        raw = request.COOKIES.get(self.name, "")
        if not raw or len(raw) > MAX_COOKIE_LENGTH:
            return None
        try:
            return str(self._signer(scope).unsign(raw))
        except signing.BadSignature:
            return None

    def write(
        self, request: HttpRequest, response: HttpResponse, *, scope: str, value: str, path: str
    ) -> None:
        response.set_cookie(
            self.name,
            self._signer(scope).sign(value),
            max_age=self.max_age,
            path=path,
            secure=request.is_secure(),
            httponly=True,
            samesite="Lax",
        )

    def rate_key(self, group: str, request: HttpRequest) -> str:
        # The value as sent, without the signature's timestamp, which changes each time the page
        # renews the cookie. A missing one shares the empty key (and is refused anyway); a forged
        # one is refused after this check.
        return request.COOKIES.get(self.name, "").partition(":")[0][:MAX_COOKIE_LENGTH]


def limit_votes(cookie: DeviceCookie) -> Callable[[View], View]:
    """Rate limits for a vote's POSTs: per device (its cookie) and per network address, from
    AGENDA_VOTE_RATE_PER_DEVICE and AGENDA_VOTE_RATE_PER_IP. The view checks `request.limited`."""

    def per_ip(group: str, request: HttpRequest) -> str:
        return str(settings.AGENDA_VOTE_RATE_PER_IP)

    def per_device(group: str, request: HttpRequest) -> str:
        return str(settings.AGENDA_VOTE_RATE_PER_DEVICE)

    def decorate(view: View) -> View:
        view = ratelimit(key=cookie.rate_key, rate=per_device, method="POST", block=False)(view)
        return cast(View, ratelimit(key="ip", rate=per_ip, method="POST", block=False)(view))

    return decorate
