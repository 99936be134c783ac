"""The network address of whoever sends a request, for the login lock-out (django-axes) and
every rate limit (django-ratelimit): both are set to call `client_ip` in the settings."""

import ipaddress

from django.conf import settings


def client_ip(request) -> str:
    """REMOTE_ADDR; behind our one reverse proxy (BEHIND_PROXY) that is the proxy itself, so
    then the right-most address of X-Forwarded-For, the one the proxy added. Addresses further
    left are whatever the client sent and can be forged; without the proxy setting the header is
    ignored altogether for the same reason."""
    remote = request.META.get("REMOTE_ADDR", "")
    if not settings.BEHIND_PROXY:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
    try:
        return str(ipaddress.ip_address(forwarded))
    except ValueError:
        return remote
