"""Voting on a phone without an account: a device is one voter, known by a random token in a
signed cookie that only works for this decision; only its sha256 is stored with the vote. The
vote may be changed while the vote is open. A GET hands out the cookie and changes nothing."""

import secrets

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .links import hash_token
from .models import Decision, DecisionOption, DecisionVote

COOKIE_NAME = "wd_choice"
COOKIE_MAX_AGE = 60 * 60 * 24 * 90
_SALT = "wijkdialoog.followup.decision"


def _signer(decision: Decision) -> signing.Signer:
    # Per decision: a cookie copied from another decision's page is refused.
    return signing.get_cookie_signer(salt=f"{_SALT}.{decision.token}")


def device_token(request: HttpRequest, decision: Decision) -> str | None:
    raw = request.COOKIES.get(COOKIE_NAME, "")
    if not raw or len(raw) > 200:
        return None
    try:
        token = _signer(decision).unsign(raw)
    except signing.BadSignature:
        return None
    return token if len(token) >= 32 else None


def give_device_token(request: HttpRequest, response: HttpResponse, decision: Decision) -> None:
    """Set the device cookie (HttpOnly, SameSite=Lax) on this decision's voting path only."""
    token = device_token(request, decision) or secrets.token_urlsafe(32)
    response.set_cookie(
        COOKIE_NAME,
        _signer(decision).sign(token),
        max_age=COOKIE_MAX_AGE,
        path=reverse("decision-vote", args=[decision.token]),
        secure=request.is_secure(),
        httponly=True,
        samesite="Lax",
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
