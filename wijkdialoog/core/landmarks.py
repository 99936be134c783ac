"""Pages every page links to: core owns their address, the app at the top supplies the view.

The base layout, the error pages and many others link to the home and privacy pages, so their
URL names live in core (`core/urls.py`). The `site` app, at the top of the app order, provides
the views in its `AppConfig.ready()` with `provide("home", views.home)`.
"""

from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse

View = Callable[..., HttpResponse]
_views: dict[str, View] = {}


def provide(name: str, view: View) -> None:
    _views[name] = view


def landmark(name: str) -> View:
    """A view that hands the request to the view provided for `name` (404 while there is none)."""

    def view(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if name not in _views:
            raise Http404(name)
        return _views[name](request, *args, **kwargs)

    view.__name__ = name
    return view
