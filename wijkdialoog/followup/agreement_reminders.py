"""Reminders of a party's commitment: one some days before its date, and one once it is overdue.
Each goes once: the sender claims the party's row with a conditional update first, so two
workers never both send it. Run by `wijkdialoog send_agreement_reminders` from cron."""

import datetime
import logging
from typing import Any

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from wijkdialoog.community.models import Membership

from . import partners
from .agreements import OPEN_STATUSES, link_url
from .links import hash_token, new_token
from .models import AgreementParty

logger = logging.getLogger(__name__)
BEFORE = "before"
OVERDUE = "overdue"


def _open_parties() -> Any:
    return AgreementParty.objects.filter(
        status__in=OPEN_STATUSES, due_on__isnull=False, revoked_at__isnull=True
    ).exclude(response=AgreementParty.Response.DECLINED)


def due(today: datetime.date) -> list[tuple[int, str]]:
    """(party id, which reminder) for every reminder whose moment has come."""
    ahead = today + datetime.timedelta(days=settings.AGREEMENT_REMIND_DAYS_BEFORE)
    before = _open_parties().filter(reminded_at__isnull=True, due_on__gte=today, due_on__lte=ahead)
    overdue = _open_parties().filter(overdue_reminded_at__isnull=True, due_on__lt=today)
    found = [(pk, BEFORE) for pk in before.values_list("pk", flat=True)]
    return found + [(pk, OVERDUE) for pk in overdue.values_list("pk", flat=True)]


def _claim(party_id: int, which: str) -> bool:
    field = "reminded_at" if which == BEFORE else "overdue_reminded_at"
    claimed = (
        _open_parties()
        .filter(Q(pk=party_id), **{f"{field}__isnull": True})
        .update(**{field: timezone.now()})
    )
    return bool(claimed == 1)


def _unclaim(party_id: int, which: str) -> None:
    field = "reminded_at" if which == BEFORE else "overdue_reminded_at"
    AgreementParty.objects.filter(pk=party_id).update(**{field: None})


def recipients(party: AgreementParty) -> list[tuple[str, str, str]]:
    """(address, language, url): the resident with a new personal link, or every partner the
    party is routed to, with the agreement's page behind their login."""
    if not party.is_partner:
        person = party.person
        if person is None or not person.email:
            return []
        token = new_token()
        AgreementParty.objects.filter(pk=party.pk).update(token_hash=hash_token(token))
        return [(person.email, person.language, link_url(token))]
    url = str(settings.SITE_URL) + reverse("agreement-detail", args=[party.agreement_id])
    memberships = Membership.objects.filter(
        role=Membership.Role.PARTNER,
        is_active=True,
        person__organisation_id=party.organisation_id,
    ).select_related("person")
    found = []
    for membership in memberships:
        if membership.person.email and partners.matches(
            membership,
            organisation_id=party.organisation_id,
            kind=party.partner_kind,
            name=party.partner_name,
        ):
            found.append((membership.person.email, membership.person.language, url))
    return sorted(set(found))


def remind(party_id: int, which: str) -> bool:
    """Send one reminder, at most once; returns whether this call sent it."""
    from .mails import send_agreement_reminder

    if not _claim(party_id, which):
        return False
    party = AgreementParty.objects.select_related("person", "agreement__series__organisation").get(
        pk=party_id
    )
    try:
        for address, language, url in recipients(party):
            send_agreement_reminder(
                party, to=address, language=language, url=url, overdue=which == OVERDUE
            )
    except Exception:
        _unclaim(party_id, which)
        raise
    return True


def send_due_reminders(today: datetime.date | None = None) -> int:
    sent = 0
    for party_id, which in due(today or timezone.localdate()):
        try:
            sent += remind(party_id, which)
        except Exception:
            logger.exception(
                "Agreement reminder %s for party %s could not be sent", which, party_id
            )
    return sent
