"""The one way views check permissions: anonymous people are sent to log in, others get 403."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


class LoginRequired(Exception):
    """Raised to send an anonymous visitor to the login page (handled by the middleware)."""


def require(request, permission: str, subject=None) -> None:
    if request.user.has_perm(permission, subject):
        return
    if not request.user.is_authenticated:
        raise LoginRequired
    raise PermissionDenied


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
