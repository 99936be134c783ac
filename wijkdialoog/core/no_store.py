"""Pages for logged-in people show personal data (registration lists, check-in, table division,
people, exports): no browser or proxy may keep a copy of them."""

from django.conf import settings
from django.utils.cache import patch_cache_control


class NoStoreForLoggedInMiddleware:
    """Marks every response to a logged-in user `Cache-Control: no-store, private`, so the back
    button on a shared computer after logging out cannot show the page again."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # Look at the user only when there is a session cookie: touching the session on a
        # public page would add "Vary: Cookie" and spoil its caching.
        if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
            patch_cache_control(response, no_store=True, private=True)
        return response
