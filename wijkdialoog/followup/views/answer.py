"""The person's own page behind the link in the follow-up mail: how did your steps go? No
account; the page shows only this person's actions of this meeting."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from wijkdialoog.core.forms import show_domain_error

from .. import answering
from ..asking import answerable_until
from ..forms import StepAnswerForm
from ..links import limited, link_invalid


@never_cache
@require_http_methods(["GET", "POST"])
@limited
def follow_up_answer(request: HttpRequest, token: str) -> HttpResponse:
    if getattr(request, "limited", False):
        return render(request, "core/rate_limited.html", status=429)
    follow_up = answering.follow_up_by_token(token)
    if follow_up is None:
        return link_invalid(
            request,
            explanation=_(
                "The time to answer may be over, or the link is not complete. Copy the whole "
                "link from your email and try again."
            ),
            ask=_("Would you like help with your step? Ask the organisation that invited you."),
        )
    actions = list(answering.actions_of(follow_up))
    existing = answering.answers_by_card(follow_up)
    forms = []
    for card in actions:
        answer = existing.get(card.pk)
        initial = {"status": answer.status, "note": answer.note} if answer else {}
        forms.append(
            StepAnswerForm(
                request.POST if request.method == "POST" else None,
                prefix=f"step-{card.pk}",
                initial=initial,
                card_text=card.text,
            )
        )
    if request.method == "POST" and all(form.is_valid() for form in forms):
        answers = {
            card.pk: (form.cleaned_data["status"], form.cleaned_data["note"])
            for card, form in zip(actions, forms, strict=True)
        }
        try:
            answering.save_answers(follow_up=follow_up, answers=answers)
        except ValidationError as error:
            show_domain_error(forms[0], error)
        else:
            messages.success(request, _("Thank you! Your answers are saved."))
            return redirect("follow-up-answer", token=token)
    return render(
        request,
        "followup/answer.html",
        {
            "follow_up": follow_up,
            "person": follow_up.person,
            "meeting": follow_up.meeting,
            "organisation": follow_up.meeting.organisation,
            "forms": forms,
            "saved": [(card, existing.get(card.pk)) for card in actions],
            "answerable_until": answerable_until(follow_up),
            "has_errors": any(form.errors for form in forms),
        },
    )


urlpatterns = [
    path("opvolging/<str:token>/", follow_up_answer, name="follow-up-answer"),
]
