"""Voting on a phone without an account: a device is one voter, known by a random token in a
signed cookie that only works for this decision; only its sha256 is stored with the vote. The
vote may be changed while the vote is open. A GET hands out the cookie and changes nothing."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkdialoog.core.device_token import DeviceCookie, hash_token, new_token, plausible

from .models import Decision, DecisionOption, DecisionVote

COOKIE_NAME = "wd_choice"
COOKIE = DeviceCookie(
    name=COOKIE_NAME, salt="wijkdialoog.followup.decision", max_age=60 * 60 * 24 * 90
)


def device_token(request: HttpRequest, decision: Decision) -> str | None:
    token = COOKIE.read(request, decision.token)
    return token if token is not None and plausible(token) else None


def give_device_token(request: HttpRequest, response: HttpResponse, decision: Decision) -> None:
    """Set the device cookie on this decision's voting path only."""
    COOKIE.write(
        request,
        response,
        scope=decision.token,
        value=device_token(request, decision) or new_token(),
        path=reverse("decision-vote", args=[decision.token]),
    )


def own_vote(decision: Decision, token: str | None) -> DecisionVote | None:
    if token is None:
        return None
    return DecisionVote.objects.filter(decision=decision, token_hash=hash_token(token)).first()


def cast_vote(*, decision: Decision, token: str, option_id: int) -> DecisionVote:
    """Store or change this device's vote in one statement (insert, or update on conflict), so
    two votes from one device at once leave one row. The decision's last vote moment is then set
    only while the vote is open in the database; when it was closed meanwhile, the vote is
    undone. That update holds the decision row until the commit, so a vote and closing the vote
    never cross."""
    option = DecisionOption.objects.filter(pk=option_id, decision=decision).first()
    if option is None:
        raise ValidationError(_("Choose one of the options."), code="option")
    vote = DecisionVote(decision=decision, option=option, token_hash=hash_token(token))
    with transaction.atomic():
        DecisionVote.objects.bulk_create(
            [vote],
            update_conflicts=True,
            unique_fields=["decision", "token_hash"],
            update_fields=["option", "updated_at"],
        )
        opened = Decision.objects.filter(pk=decision.pk, status=Decision.Status.OPEN)
        if not opened.update(last_vote_at=timezone.now()):
            raise ValidationError(_("The vote is closed. Nothing was changed."), code="closed")
    return vote
