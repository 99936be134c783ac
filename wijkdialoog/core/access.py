"""The one way views check permissions: anonymous people are sent to log in, others get 403."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404


class LoginRequired(Exception):
    """Raised to send an anonymous visitor to the login page (handled by the middleware)."""


def require(request, permission: str, subject=None) -> None:
    if request.user.has_perm(permission, subject):
        return
    if not request.user.is_authenticated:
        raise LoginRequired
    raise PermissionDenied


def require_or_404(request, permission: str, subject=None) -> None:
    """Like `require`, but someone logged in without the permission gets 404: for pages whose
    very existence is personal (a registration's codes), a 403 would say that it exists."""
    if request.user.has_perm(permission, subject):
        return
    if not request.user.is_authenticated:
        raise LoginRequired
    raise Http404


class LoginRequiredMiddleware:
    """Turns LoginRequired into a redirect to the login page that comes back afterwards."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, LoginRequired):
            return redirect_to_login(request.get_full_path())
        return None
