"""The follow-up's two mails: the question to the person, in their language, and the request
for help to the organisers."""

from collections.abc import Sequence

from django.conf import settings
from django.urls import reverse

from wijkdialoog.core.mail import send_mail
from wijkdialoog.harvest.models import Card

from .models import AgreementParty, FollowUp, StepAnswer


def send_question(follow_up: FollowUp, *, actions: Sequence[Card], url: str) -> None:
    person, meeting = follow_up.person, follow_up.meeting
    send_mail(
        to=person.email,
        template="followup/mail/question",
        language=person.language,
        context={
            "person": person,
            "meeting": meeting,
            "organisation": meeting.organisation,
            "actions": actions,
            "answer_url": url,
            "weeks": settings.FOLLOWUP_ANSWER_WEEKS,
        },
    )


def send_help_request(answer: StepAnswer, *, to: str, language: str) -> None:
    """To an organiser: who would like help with which step, and how to reach them as far as
    they gave their details."""
    follow_up = answer.follow_up
    meeting = follow_up.meeting
    send_mail(
        to=to,
        template="followup/mail/help",
        language=language,
        context={
            "person": follow_up.person,
            "meeting": meeting,
            "organisation": meeting.organisation,
            "answer": answer,
            "card": answer.card,
            "manage_url": str(settings.SITE_URL)
            + reverse("meeting-manage", args=[meeting.pk])
            + "#follow-up-help",
        },
    )


def send_agreement_link(party: AgreementParty, *, url: str) -> None:
    """To a resident party: their part of the agreement and their own link to keep it up to date."""
    person, agreement = party.person, party.agreement
    assert person is not None
    send_mail(
        to=person.email,
        template="followup/mail/agreement_link",
        language=person.language,
        context={
            "person": person,
            "party": party,
            "agreement": agreement,
            "organisation": agreement.series.organisation,
            "url": url,
        },
    )


def send_agreement_reminder(
    party: AgreementParty, *, to: str, language: str, url: str, overdue: bool
) -> None:
    agreement = party.agreement
    send_mail(
        to=to,
        template="followup/mail/agreement_reminder",
        language=language,
        context={
            "party": party,
            "agreement": agreement,
            "organisation": agreement.series.organisation,
            "url": url,
            "overdue": overdue,
        },
    )
