"""Wijkdialogen in beweging for everyone: the published reports and stories organisations
share, filtered with a GET form that works without JavaScript."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_GET

from ..collection_entries import collection


@require_GET
def collection_public(request: HttpRequest) -> HttpResponse:
    found = collection(request.GET, request.GET.get("page", 1))
    page = found.page
    return render(
        request,
        "learning/collection.html",
        {
            "collection": found,
            "previous_query": found.page_query(page.number - 1),
            "next_query": found.page_query(page.number + 1),
        },
    )


urlpatterns = [
    path("wijkdialogen-in-beweging/", collection_public, name="collection"),
]
