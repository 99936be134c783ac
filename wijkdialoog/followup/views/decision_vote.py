"""The public voting page of a decision: /kiezen/<token>/, reached by the QR code. No account;
a GET gives the device its cookie and changes nothing; a POST is rate limited per device and per
network address. Works without JavaScript."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from wijkdialoog.core.device_token import limit_votes

from .. import decision_voting
from ..models import Decision

_limited = limit_votes(decision_voting.COOKIE)


def _decision(token: str) -> Decision:
    decision = (
        Decision.objects.select_related("series__organisation", "series__neighbourhood", "winner")
        .filter(token=token[:32])
        .exclude(status=Decision.Status.DRAFT)
        .first()
    )
    if decision is None:
        raise Http404
    return decision


def _page(
    request: HttpRequest, decision: Decision, error: str = "", status: int = 200
) -> HttpResponse:
    if not decision.is_open:
        return render(
            request,
            "followup/decisions/decision_vote_closed.html",
            {"decision": decision, "organisation": decision.series.organisation},
            status=409 if request.method == "POST" else 200,
        )
    token = decision_voting.device_token(request, decision)
    vote = decision_voting.own_vote(decision, token)
    response = render(
        request,
        "followup/decisions/decision_vote.html",
        {
            "decision": decision,
            "options": list(decision.options.order_by("position", "pk")),
            "chosen_id": vote.option_id if vote else None,
            "error": error,
            "organisation": decision.series.organisation,
        },
        status=status,
    )
    decision_voting.give_device_token(request, response, decision)
    return response


@never_cache
@_limited
@require_http_methods(["GET", "POST"])
def decision_vote(request: HttpRequest, token: str) -> HttpResponse:
    decision = _decision(token)
    if request.method == "GET":
        return _page(request, decision)
    if getattr(request, "limited", False):
        return render(request, "core/rate_limited.html", status=429)
    device = decision_voting.device_token(request, decision)
    if device is None:
        # No cookie yet (or a forged one): show the page, which hands out a fresh one.
        message = _("Your vote was not saved. Choose again and press the button.")
        return _page(request, decision, error=message, status=400)
    option = request.POST.get("option", "")
    if not option.isdigit():
        return _page(request, decision, error=_("Choose one of the options."), status=400)
    try:
        decision_voting.cast_vote(decision=decision, token=device, option_id=int(option))
    except ValidationError as error:
        decision.refresh_from_db(fields=["status"])
        return _page(request, decision, error=" ".join(error.messages), status=400)
    messages.success(
        request, _("Thank you! Your vote is saved. You can change it while the vote is open.")
    )
    return redirect("decision-vote", token=decision.token)


urlpatterns = [
    path("kiezen/<str:token>/", decision_vote, name="decision-vote"),
]
