"""Questions for partners: the organiser routes them per series; a partner sees the questions
routed to it and answers (publicly or not) or declines with a reason."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from wijkdialoog.core.access import require
from wijkdialoog.dialogues.access import get_series_for

from .. import partner_questions
from ..agreement_forms import AnswerForm, RouteForm
from ..models import PartnerQuestion


@require_http_methods(["GET", "POST"])
def series_questions(request: HttpRequest, pk: int) -> HttpResponse:
    series = get_series_for(request, pk, "followup.route_questions")
    cards = list(partner_questions.question_cards(series))
    bound = request.POST.get("card", "")
    forms = []
    for card in cards:
        routed = getattr(card, "partner_question", None)
        initial = (
            {"partner_kind": routed.partner_kind, "partner_name": routed.partner_name}
            if routed
            else {}
        )
        data = request.POST if bound == str(card.pk) else None
        forms.append((card, routed, RouteForm(data, prefix=f"c{card.pk}", initial=initial)))
    for card, _routed, form in forms:
        if form.is_bound and form.is_valid():
            partner_questions.route(card=card, actor=request.user, **form.cleaned_data)
            messages.success(request, _("The question is sent to the partner."))
            return redirect("series-questions", pk=series.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "followup/agreements/series_questions.html",
        {"series": series, "rows": forms},
        status=status,
    )


@require_GET
def partner_questions_list(request: HttpRequest) -> HttpResponse:
    require(request, "followup.view_partner_work")
    questions = list(partner_questions.questions_for(request.user))
    return render(
        request,
        "followup/agreements/partner_questions.html",
        {
            "open_questions": [q for q in questions if q.is_open],
            "done_questions": [q for q in questions if not q.is_open],
        },
    )


@require_http_methods(["GET", "POST"])
def partner_question_answer(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_object_or_404(
        PartnerQuestion.objects.select_related("card__meeting__series__neighbourhood"), pk=pk
    )
    require(request, "followup.answer_question", question)
    initial = {
        "answer": question.answer,
        "is_public": question.answer_is_public,
        "decline_reason": question.decline_reason,
    }
    form = AnswerForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        partner_questions.answer(
            question=question,
            text=form.cleaned_data["answer"],
            is_public=form.cleaned_data["is_public"],
            decline_reason=form.cleaned_data["decline_reason"],
            actor=request.user,
        )
        messages.success(request, _("Your answer is saved."))
        return redirect("partner-questions")
    return render(
        request,
        "followup/agreements/partner_answer.html",
        {"question": question, "card": question.card, "form": form},
        status=400 if form.errors else 200,
    )


urlpatterns = [
    path(
        "beheer/wijkdialogen/<int:pk>/vragen-aan-partners/",
        series_questions,
        name="series-questions",
    ),
    path("partner/vragen/", partner_questions_list, name="partner-questions"),
    path("partner/vragen/<int:pk>/", partner_question_answer, name="partner-question-answer"),
]
