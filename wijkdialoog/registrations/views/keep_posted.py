"""Stopping the mail about the results with the link in it: no login. A GET only asks to
confirm (mail scanners open links); a POST stops it, also the one-click POST that mail apps
send for the List-Unsubscribe-Post header (RFC 8058), which carries no CSRF token."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .. import keep_posted


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def keep_posted_opt_out(request: HttpRequest, token: str) -> HttpResponse:
    person = keep_posted.person_for_token(token)
    if person is None:
        return render(request, "registrations/keep_posted_link_invalid.html", status=404)
    if request.method == "POST":
        keep_posted.opt_out(person=person)
        return render(request, "registrations/keep_posted_stopped.html")
    return render(
        request,
        "registrations/keep_posted_opt_out.html",
        {"token": token, "kept_posted": keep_posted.is_kept_posted(person)},
    )


urlpatterns = [
    path("op-de-hoogte/stoppen/<str:token>/", keep_posted_opt_out, name="keep-posted-opt-out"),
]
