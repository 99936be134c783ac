from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from wijkdialoog.community.models import Organisation
from wijkdialoog.dialogues.listings import upcoming_everywhere


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    upcoming = list(upcoming_everywhere())
    # Only read when no meeting is listed: then the footer shows every organisation's contact.
    organisations = Organisation.objects.order_by("name")
    return render(request, "site/home.html", {"upcoming": upcoming, "organisations": organisations})


@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    organisations = Organisation.objects.order_by("name")
    return render(request, "site/privacy.html", {"organisations": organisations})
