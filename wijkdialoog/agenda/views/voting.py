"""The public voting pages: /stem/<token>/, anonymous and hostile ground. A GET gives the device
its cookie and changes nothing; every POST is rate limited and checked by the domain functions."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from wijkdialoog.core.device_token import limit_votes
from wijkdialoog.core.forms import show_domain_error
from wijkdialoog.dialogues.bilingual import public_text

from .. import voting
from ..forms import ProposalForm
from ..models import Agenda, Vote, Voter

VALUES = {"agree": Vote.Value.AGREE, "disagree": Vote.Value.DISAGREE, "pass": Vote.Value.PASS}


_limited = limit_votes(voting.COOKIE)


def _agenda(token: str) -> Agenda:
    agenda = Agenda.objects.select_related("series__organisation").filter(token=token[:32]).first()
    if agenda is None:
        raise Http404
    return agenda


def _wants_fragment(request: HttpRequest) -> bool:
    """vote.js asks for the vote area alone with htmx's request headers; the logic stays here."""
    details: Any = getattr(request, "htmx", None)
    return bool(details) and details.target == "vote-area"


def _refused(
    request: HttpRequest, agenda: Agenda, message: str, status: int, heading: str = ""
) -> HttpResponse:
    fragment = _wants_fragment(request)
    return render(
        request,
        "agenda/includes/vote_refusal.html" if fragment else "agenda/vote_refused.html",
        {
            "agenda": agenda,
            "heading": heading or _("Your vote was not saved"),
            "message": message,
            "title": public_text(agenda, "title"),
            "fragment": fragment,
            "organisation": agenda.series.organisation,
        },
        status=status,
    )


def _not_open(request: HttpRequest, agenda: Agenda) -> HttpResponse:
    return render(
        request,
        "agenda/vote_closed.html",
        {
            "agenda": agenda,
            "title": public_text(agenda, "title"),
            "closed": agenda.is_closed(),
            # The footer shows whom to ask (community's organisation_contact).
            "organisation": agenda.series.organisation,
            # The results page (organiser's part, "agenda-results") lives under the voting link.
            "results_url": reverse("agenda-results", args=[agenda.token]),
        },
    )


def _page(
    request: HttpRequest,
    agenda: Agenda,
    form: ProposalForm | None = None,
    status: int = 200,
    fragment: bool = False,
) -> HttpResponse:
    """The voting page, or with `fragment` only its vote area (progress and next statement)."""
    voter = voting.voter_for(request, agenda, create=False)
    statement = voting.next_statement(agenda, voter)
    progress = voting.progress(agenda, voter)
    context = {
        "agenda": agenda,
        "title": public_text(agenda, "title"),
        "introduction": public_text(agenda, "introduction"),
        "statement": statement,
        "statement_text": public_text(statement, "text") if statement else None,
        "progress": progress,
        # "Change your earlier votes" lists votes on statements still in the vote only.
        "has_votes": progress.voted > 0,
        "form": form if form is not None else ProposalForm(),
        "organisation": agenda.series.organisation,
    }
    template = "agenda/includes/vote_area.html" if fragment else "agenda/vote.html"
    response = render(request, template, context, status=status)
    registration = voting.registration_from_link(agenda, request.GET.get("r", ""))
    voting.give_device_token(
        request, response, agenda, registration_id=registration.pk if registration else None
    )
    return response


def _voter_or_refusal(request: HttpRequest, agenda: Agenda) -> Voter | HttpResponse:
    if getattr(request, "limited", False):
        if _wants_fragment(request):
            message = _("You tried this too often in a short time. Wait a while and try again.")
            return _refused(request, agenda, message, 429, heading=_("Too many attempts"))
        return render(request, "core/rate_limited.html", status=429)
    if not agenda.is_open():
        message = _("Voting is closed for this agenda. Nothing was changed.")
        return _refused(request, agenda, message, 409)
    voter = voting.voter_for(request, agenda)
    if voter is None:
        message = _(
            "Your browser did not send the voting code of this page. Nothing was changed. "
            "Allow cookies for this site and open the voting link again."
        )
        return _refused(request, agenda, message, 403)
    return voter


@never_cache
@require_http_methods(["GET", "POST"])
@_limited
def agenda_vote(request: HttpRequest, token: str) -> HttpResponse:
    agenda = _agenda(token)
    if request.method != "POST":
        return _page(request, agenda) if agenda.is_open() else _not_open(request, agenda)
    voter = _voter_or_refusal(request, agenda)
    if isinstance(voter, HttpResponse):
        return voter
    value = VALUES.get(request.POST.get("vote", ""))
    number = request.POST.get("statement", "")
    statement = (
        agenda.statements.filter(number=int(number)).first()
        if number.isdigit() and len(number) < 9
        else None
    )
    if value is None or statement is None:
        return _refused(request, agenda, _("This vote is not valid. Nothing was changed."), 400)
    try:
        voting.cast_vote(agenda=agenda, voter=voter, statement=statement, value=value)
    except ValidationError as error:
        status = 409 if error.code == "closed" else 400
        message = _("%(reason)s Nothing was changed.") % {"reason": " ".join(error.messages)}
        return _refused(request, agenda, message, status)
    if request.POST.get("back") == "mine":
        messages.success(request, _("Your vote is changed."))
        return redirect("agenda-my-votes", token=agenda.token)
    if _wants_fragment(request):
        return _page(request, agenda, fragment=True)
    return redirect("agenda-vote", token=agenda.token)


@never_cache
@require_POST
@_limited
def agenda_propose(request: HttpRequest, token: str) -> HttpResponse:
    agenda = _agenda(token)
    voter = _voter_or_refusal(request, agenda)
    if isinstance(voter, HttpResponse):
        return voter
    if not agenda.allow_proposals:
        return _refused(request, agenda, _("This agenda does not take new statements."), 409)
    form = ProposalForm(request.POST)
    if form.is_valid():
        try:
            voting.propose_statement(agenda=agenda, voter=voter, text=form.cleaned_data["text"])
        except ValidationError as error:
            show_domain_error(form, error, field="text")
        else:
            messages.success(
                request,
                _("Thank you! We check your statement first. After that, others can vote on it."),
            )
            return redirect(reverse("agenda-vote", args=[agenda.token]) + "#voorstel")
    return _page(request, agenda, form, status=400)


@never_cache
@require_http_methods(["GET"])
def agenda_my_votes(request: HttpRequest, token: str) -> HttpResponse:
    agenda = _agenda(token)
    voter = voting.voter_for(request, agenda, create=False)
    votes = [(vote, public_text(vote.statement, "text")) for vote in voting.own_votes(voter)]
    return render(
        request,
        "agenda/vote_mine.html",
        {
            "agenda": agenda,
            "title": public_text(agenda, "title"),
            "votes": votes,
            "is_open": agenda.is_open(),
            "choices": [(key, Vote.Value(value)) for key, value in VALUES.items()],
            "organisation": agenda.series.organisation,
        },
    )


urlpatterns: list[URLPattern] = [
    path("stem/<str:token>/", agenda_vote, name="agenda-vote"),
    path("stem/<str:token>/voorstel/", agenda_propose, name="agenda-propose"),
    path("stem/<str:token>/mijn-stemmen/", agenda_my_votes, name="agenda-my-votes"),
]

__all__ = ["urlpatterns"]
