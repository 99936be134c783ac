"""The organiser marks a request for help as handled (or opens it again)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wijkdialoog.core.access import require

from .. import answering
from ..models import StepAnswer


@require_POST
def help_handled(request: HttpRequest, pk: int) -> HttpResponse:
    answer = get_object_or_404(
        StepAnswer.objects.select_related("follow_up__meeting__organisation"), pk=pk
    )
    meeting = answer.follow_up.meeting
    require(request, "followup.handle_help", meeting)
    handled = request.POST.get("handled") != "no"
    try:
        answering.mark_help_handled(answer=answer, handled=handled, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Marked as handled.") if handled else _("Marked as not handled yet.")
        )
    target = request.POST.get("next", "")
    if target == "series":
        return redirect("series-detail", pk=meeting.series_id)
    return redirect("meeting-manage", pk=meeting.pk)


urlpatterns = [
    path("opvolging/hulp/<int:pk>/afgehandeld/", help_handled, name="follow-up-help-handled"),
]
