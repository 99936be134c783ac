"""Voting without an account: one device is one voter, known by a random token in a signed
cookie (only its sha256 is stored). A vote is agree / disagree / pass, may be changed, and counts
only on an open agenda and an accepted statement of that agenda.

The cookie is handed out on the first visit (a GET changes nothing in the database); the Voter
row is made with the first vote or proposal. A cookie whose signature does not match (forged or
from another agenda) is refused: the POST changes nothing."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from wijkdialoog.core import audit
from wijkdialoog.core.device_token import DeviceCookie, hash_token, new_token, plausible
from wijkdialoog.registrations.models import Registration

from .analysing import request_analysis
from .announce_channels import arrived_through
from .models import Agenda, Analysis, Statement, Vote, Voter

COOKIE_NAME = "wd_voter"
COOKIE = DeviceCookie(name=COOKIE_NAME, salt="wijkdialoog.agenda.voter", max_age=60 * 60 * 24 * 365)


@dataclass(frozen=True)
class DeviceToken:
    token: str
    registration_id: int | None


def device_token(request: HttpRequest, agenda: Agenda) -> DeviceToken | None:
    """The device's token for this agenda, or None when it is missing or its signature is wrong."""
    value = COOKIE.read(request, agenda.token)
    if value is None:
        return None
    token, _sep, registration = value.partition(".")
    if not plausible(token):
        return None
    return DeviceToken(token, int(registration) if registration.isdigit() else None)


def registration_from_link(agenda: Agenda, manage_token: str) -> Registration | None:
    """A registration's personal link (?r=...) ties the voter to it: only one of this series."""
    if not manage_token or len(manage_token) > 64:
        return None
    return Registration.objects.filter(
        manage_token=manage_token, meeting__series_id=agenda.series_id
    ).first()


def give_device_token(
    request: HttpRequest, response: HttpResponse, agenda: Agenda, *, registration_id: int | None
) -> None:
    """Set (or renew) the device cookie: HttpOnly, SameSite=Lax, only on this agenda's pages."""
    current = device_token(request, agenda)
    token = current.token if current else new_token()
    registration_id = registration_id or (current.registration_id if current else None)
    value = f"{token}.{registration_id}" if registration_id else token
    path = reverse("agenda-vote", args=[agenda.token])
    COOKIE.write(request, response, scope=agenda.token, value=value, path=path)


def voter_for(request: HttpRequest, agenda: Agenda, create: bool = True) -> Voter | None:
    """The voter of this device, made on first use when `create`; None without a valid token."""
    device = device_token(request, agenda)
    if device is None:
        return None
    token_hash = hash_token(device.token)
    voter = Voter.objects.filter(agenda=agenda, token_hash=token_hash).first()
    if voter is not None or not create:
        return voter
    registration_id = None
    if device.registration_id is not None:
        registration_id = (
            Registration.objects.filter(
                pk=device.registration_id, meeting__series_id=agenda.series_id
            )
            .values_list("pk", flat=True)
            .first()
        )
    return new_voter(
        agenda=agenda,
        token_hash=token_hash,
        source=Voter.Source.ONLINE,
        registration_id=registration_id,
        channel_id=arrived_through(request, agenda),
    )


def new_voter(
    *,
    agenda: Agenda,
    token_hash: str,
    source: str,
    registration_id: int | None = None,
    channel_id: int | None = None,
) -> Voter:
    """A new voter with the next number of the agenda. Two first votes from one device at once
    make one voter: the second finds the row the first made."""
    try:
        with transaction.atomic():
            # The agenda row is the lock for numbering its voters.
            Agenda.objects.select_for_update().filter(pk=agenda.pk).values_list("pk").get()
            if token_hash:
                existing = Voter.objects.filter(agenda=agenda, token_hash=token_hash).first()
                if existing is not None:
                    return existing
            number = (Voter.objects.filter(agenda=agenda).aggregate(n=Max("number"))["n"] or 0) + 1
            return Voter.objects.create(
                agenda=agenda,
                number=number,
                token_hash=token_hash,
                source=source,
                registration_id=registration_id,
                channel_id=channel_id,
            )
    except IntegrityError:
        if not token_hash:
            raise
        return Voter.objects.get(agenda=agenda, token_hash=token_hash)


def votable(agenda: Agenda) -> QuerySet[Statement]:
    """The statements voters see: accepted and not merged into another."""
    return agenda.statements.filter(status=Statement.Status.ACCEPTED, merged_into__isnull=True)


def check_can_vote(agenda: Agenda, voter: Voter, statement: Statement) -> None:
    if voter.agenda_id != agenda.pk:
        raise ValidationError(_("This voter does not belong to this agenda."), code="voter")
    if not agenda.is_open():
        raise ValidationError(_("Voting is closed for this agenda."), code="closed")
    if (
        statement.agenda_id != agenda.pk
        or statement.status != Statement.Status.ACCEPTED
        or statement.merged_into_id is not None
    ):
        raise ValidationError(_("This statement is not in the vote."), code="statement")


def _open_now(now: datetime.datetime) -> Q:
    return Q(opens_at__lte=now) & (Q(closes_at__isnull=True) | Q(closes_at__gt=now))


def cast_vote(*, agenda: Agenda, voter: Voter, statement: Statement, value: int) -> Vote:
    """Store the voter's vote on the statement, or change it, in one statement (insert, or
    update on conflict): the unique constraint on (voter, statement) keeps one vote when the same
    device sends two at once. Then the agenda's last vote moment is set only while the agenda is
    open in the database; when it was closed meanwhile, the vote is undone. That update holds the
    agenda row until the commit, so a vote and closing the agenda never cross."""
    if value not in Vote.Value.values:
        raise ValidationError(_("Choose agree, disagree or pass."), code="value")
    check_can_vote(agenda, voter, statement)
    vote = Vote(voter=voter, statement=statement, value=value)
    with transaction.atomic():
        Vote.objects.bulk_create(
            [vote],
            update_conflicts=True,
            unique_fields=["voter", "statement"],
            update_fields=["value", "updated_at"],
        )
        now = vote.updated_at  # set by the insert (auto_now)
        if not Agenda.objects.filter(_open_now(now), pk=agenda.pk).update(last_vote_at=now):
            raise ValidationError(_("Voting is closed for this agenda."), code="closed")
        request_analysis(agenda)
    return vote


PROPOSAL_MAX_LENGTH = 200


def propose_statement(*, agenda: Agenda, voter: Voter, text: str) -> Statement:
    """A resident's statement: it waits for the organiser's check before others see it."""
    text = " ".join(text.split())
    if not agenda.allow_proposals:
        raise ValidationError(_("This agenda does not take new statements."), code="closed")
    if not agenda.is_open():
        raise ValidationError(_("Voting is closed for this agenda."), code="closed")
    if not text:
        raise ValidationError(_("Write a statement."), code="required")
    if len(text) > PROPOSAL_MAX_LENGTH:
        raise ValidationError(
            _("Keep it short: at most %(limit)s characters.") % {"limit": PROPOSAL_MAX_LENGTH},
            code="max_length",
        )
    with transaction.atomic():
        agenda = Agenda.objects.select_for_update().get(pk=agenda.pk)
        number = (agenda.statements.aggregate(n=Max("number"))["n"] or 0) + 1
        statement = Statement.objects.create(
            agenda=agenda,
            number=number,
            text=text,
            status=Statement.Status.PENDING,
            origin=Statement.Origin.RESIDENT,
            proposed_by=voter,
        )
        audit.record(
            actor=None,
            action="agenda.statement_proposed",
            subject=statement,
            payload={"agenda": agenda.pk, "number": number},
            actor_label=_("a voter"),
        )
    return statement


@dataclass(frozen=True)
class Progress:
    voted: int
    total: int


def progress(agenda: Agenda, voter: Voter | None) -> Progress:
    statements = votable(agenda)
    if voter is None:
        return Progress(0, statements.count())
    counts = statements.aggregate(
        total=Count("pk", distinct=True),
        voted=Count("votes", filter=Q(votes__voter=voter), distinct=True),
    )
    return Progress(counts["voted"], counts["total"])


def _spread(analysis_result: dict[str, Any]) -> dict[int, float]:
    """How much the groups differ per statement: max - min of each group's agree rate."""
    groups = analysis_result.get("groups")
    if not isinstance(groups, list) or len(groups) < 2:
        return {}
    rates: dict[int, list[float]] = {}
    for group in groups:
        for key, counts in group.get("votes", {}).items():
            rate = (counts.get("agree", 0) + 1) / (counts.get("seen", 0) + 2)
            rates.setdefault(int(key), []).append(rate)
    return {number: max(r) - min(r) for number, r in rates.items() if len(r) > 1}


def next_statement(agenda: Agenda, voter: Voter | None) -> Statement | None:
    """The next statement for this voter, as Polis chooses: among those the voter has not voted
    on, prefer few votes so far, and, once there is an analysis, statements on which the groups
    differ. score = (1 + 2 * spread) / (1 + votes); ties go to a per-voter order, so voters do not
    all walk the same path."""
    candidates = votable(agenda)
    if voter is not None:
        candidates = candidates.exclude(votes__voter=voter)
    # The statements themselves in the same query (few per agenda): no second query for the one.
    rows = list(candidates.annotate(n_votes=Count("votes")).order_by())
    if not rows:
        return None
    # Only the groups of the stored analysis, not all of it.
    groups = Analysis.objects.filter(agenda=agenda).values_list("result__groups", flat=True).first()
    spread = _spread({"groups": groups})
    seed = voter.number if voter is not None else 0

    def score(statement: Statement) -> tuple[float, int, int]:
        number, n_votes = statement.number, statement.n_votes  # type: ignore[attr-defined]
        value = (1 + 2 * spread.get(number, 0.0)) / (1 + n_votes)
        return (-value, (number * 7919 + seed * 104729) % 1000003, number)

    return min(rows, key=score)


def own_votes(voter: Voter | None) -> list[Vote]:
    """The voter's own votes on statements still in the vote, in statement order."""
    if voter is None:
        return []
    return list(
        Vote.objects.filter(
            voter=voter,
            statement__status=Statement.Status.ACCEPTED,
            statement__merged_into__isnull=True,
        )
        .select_related("statement")
        .order_by("statement__number")
    )
