"""A resident party's own page behind their personal link: their part of the agreement, how it
is going, and their update. No account; a revoked or unknown link gets a clear page, no data."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from wijkdialoog.core.forms import show_domain_error

from .. import agreements
from ..agreement_forms import PartyUpdateForm
from ..links import limited, link_invalid
from ..models import AgreementUpdate


@never_cache
@require_http_methods(["GET", "POST"])
@limited
def agreement_party_link(request: HttpRequest, token: str) -> HttpResponse:
    if getattr(request, "limited", False):
        return render(request, "core/rate_limited.html", status=429)
    party = agreements.party_by_token(token)
    if party is None:
        return link_invalid(
            request,
            explanation=_(
                "The link may have been replaced by a newer one, or it is not complete. Use the "
                "link in the newest email about your agreement, or ask the organisation for a "
                "new one."
            ),
        )
    form = PartyUpdateForm(request.POST or None, initial={"status": party.status})
    if request.method == "POST" and form.is_valid():
        try:
            agreements.post_update(party=party, **form.cleaned_data)
        except ValidationError as error:
            show_domain_error(form, error)
        else:
            messages.success(request, _("Thank you! Your update is on the timeline."))
            return redirect("agreement-party-link", token=token)
    agreement = party.agreement
    timeline = AgreementUpdate.objects.filter(agreement=agreement).select_related("party__person")
    return render(
        request,
        "followup/agreements/party_link.html",
        {
            "party": party,
            "agreement": agreement,
            "organisation": agreement.series.organisation,
            "form": form,
            "timeline": timeline[:20],
        },
        status=400 if form.errors else 200,
    )


urlpatterns = [
    path("afspraak/<str:token>/", agreement_party_link, name="agreement-party-link"),
]
