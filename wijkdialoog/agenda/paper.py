"""Paper ballots: a printable ballot (A4, with a QR code to vote online instead), and typing in
one filled-in ballot at a time. Each ballot becomes its own voter (source PAPER)."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wijkdialoog.core import audit, pdf
from wijkdialoog.core.forms import Form
from wijkdialoog.dialogues.bilingual import public_text

from .analysing import request_analysis
from .models import Agenda, Statement, Vote, Voter
from .voting import new_voter, votable

# What may be typed for a box: Dutch and English letters, or Polis's numbers. Empty: not filled.
TYPED = {
    "e": Vote.Value.AGREE,
    "a": Vote.Value.AGREE,
    "1": Vote.Value.AGREE,
    "+": Vote.Value.AGREE,
    "o": Vote.Value.DISAGREE,
    "d": Vote.Value.DISAGREE,
    "-1": Vote.Value.DISAGREE,
    "-": Vote.Value.DISAGREE,
    "s": Vote.Value.PASS,
    "p": Vote.Value.PASS,
    "0": Vote.Value.PASS,
}


def vote_url(agenda: Agenda) -> str:
    return str(settings.SITE_URL) + reverse("agenda-vote", args=[agenda.token])


def render_ballot(agenda: Agenda) -> bytes:
    """The ballot in the active language: every statement in the vote with three boxes."""
    link = vote_url(agenda)
    statements = [(s.number, public_text(s, "text")) for s in votable(agenda)]
    return pdf.render(
        "agenda/ballot_pdf.html",
        {
            "agenda": agenda,
            "title": public_text(agenda, "title"),
            "statements": statements,
            "link": link,
            "qr": pdf.qr_data_uri(link),
        },
    )


def ballot_filename(agenda: Agenda) -> str:
    return f"stembiljet-{agenda.pk}.pdf"


class BallotField(forms.CharField):
    def __init__(self, statement: Statement) -> None:
        super().__init__(
            label=f"{statement.number}. {statement.text}",
            required=False,
            max_length=3,
            strip=True,
            widget=forms.TextInput(attrs={"size": 3, "autocomplete": "off", "class": "wd-ballot"}),
        )

    def clean(self, value: object) -> int | None:
        text = str(super().clean(value) or "").lower()
        if not text:
            return None
        if text not in TYPED:
            raise ValidationError(
                _("Type e (agree), o (disagree) or s (skip), or leave it empty."), code="invalid"
            )
        return int(TYPED[text])


class BallotForm(Form):
    """One row per statement in the vote; a box left empty is a statement not filled in."""

    def __init__(self, *args: object, agenda: Agenda, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.statements = {f"s{s.number}": s for s in votable(agenda)}
        for name, statement in self.statements.items():
            self.fields[name] = BallotField(statement)

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if self.statements and not any(data.get(name) is not None for name in self.statements):
            raise ValidationError(
                gettext_lazy("This ballot is empty. Type at least one answer."), code="empty"
            )
        return data

    def votes(self) -> dict[Statement, int]:
        return {
            statement: self.cleaned_data[name]
            for name, statement in self.statements.items()
            if self.cleaned_data.get(name) is not None
        }


@transaction.atomic
def enter_ballot(*, agenda: Agenda, votes: dict[Statement, int], actor: object) -> Voter:
    """Store one paper ballot as a new voter with its votes."""
    if not votes:
        raise ValidationError(_("This ballot is empty. Type at least one answer."), code="empty")
    for statement in votes:
        if statement.agenda_id != agenda.pk or statement.status != Statement.Status.ACCEPTED:
            raise ValidationError(_("This statement is not in the vote."), code="statement")
    voter = new_voter(agenda=agenda, token_hash="", source=Voter.Source.PAPER)
    Vote.objects.bulk_create(
        Vote(voter=voter, statement=statement, value=value) for statement, value in votes.items()
    )
    Agenda.objects.filter(pk=agenda.pk).update(last_vote_at=timezone.now())
    audit.record(
        actor=actor,
        action="agenda.ballot_entered",
        subject=agenda,
        payload={"voter": voter.number, "votes": len(votes)},
    )
    request_analysis(agenda)
    return voter


def recent_ballots(agenda: Agenda, limit: int = 10) -> list[Voter]:
    from django.db.models import Count

    return list(
        agenda.voters.filter(source=Voter.Source.PAPER)
        .annotate(n_votes=Count("votes"))
        .order_by("-number")[:limit]
    )
