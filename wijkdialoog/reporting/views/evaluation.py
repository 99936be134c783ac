"""The organisation's evaluations: what the dialogues did for people, in all and per series."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_GET

from wijkdialoog.dialogues.access import organisation_for
from wijkdialoog.harvest import kom_erbij

from .. import evaluation


@require_GET
def evaluation_overview(request: HttpRequest) -> HttpResponse:
    organisation = organisation_for(request, "reporting.view_evaluation")
    return render(
        request,
        "reporting/evaluation_overview.html",
        {
            "organisation": organisation,
            "what_it_did": evaluation.for_organisation(organisation),
            "per_series": evaluation.per_series(organisation),
            "credit": kom_erbij.CREDIT,
        },
    )


urlpatterns = [
    path("beheer/evaluatie/", evaluation_overview, name="evaluation-overview"),
]
