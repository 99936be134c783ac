"""Announcing an agenda through the existing channels: the public voting link, tracked channel
links with posters, flyers and share texts (announce_channels.py), and one mail to the people who
registered for the series' meetings, whose link is the tracked link of its own email channel.

Who gets the mail: every person with an email address and a registration (not cancelled) for a
meeting of the agenda's series, once per address, leaving out every address that asked the
organisation for no more invitation emails (outreach's `EmailOptOut`). Nobody else: no imported
lists, no partners, no voters (voters are anonymous). The mail goes out once per agenda
(`Agenda.announced_at`, claimed with a conditional update) and each message carries a link to
stop such mail, which records an `EmailOptOut` for the organisation.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wijkdialoog.community.models import Person
from wijkdialoog.core import audit
from wijkdialoog.core.mail import send_mail
from wijkdialoog.outreach.channels import Actor
from wijkdialoog.outreach.models import EmailOptOut
from wijkdialoog.registrations.models import Registration

from . import announce_channels
from .models import Agenda

OPT_OUT_SALT = "wijkdialoog.agenda.opt-out"


def vote_path(agenda: Agenda) -> str:
    """The public voting page, /stem/<token>/."""
    return reverse("agenda-vote", args=[agenda.token])


def vote_url(agenda: Agenda) -> str:
    return str(settings.SITE_URL) + vote_path(agenda)


def public_title(agenda: Agenda, language: str) -> str:
    return agenda.title_en if language == "en" and agenda.title_en else agenda.title


@dataclass(frozen=True)
class Recipient:
    person_id: int
    email: str


def _eligible(agenda: Agenda) -> QuerySet[Person]:
    """People registered (not cancelled) for the series' meetings, with an email address and
    without an opt-out at the organisation; a person may appear once per registration."""
    series = agenda.series
    opted_out = EmailOptOut.objects.filter(organisation_id=series.organisation_id).annotate(
        address=Lower("email")
    )
    return (
        Person.objects.filter(
            registrations__meeting__series=series,
            registrations__status__in=[
                Registration.Status.CONFIRMED,
                Registration.Status.WAITING,
            ],
        )
        .exclude(email="")
        .annotate(address=Lower("email"))
        .exclude(address__in=opted_out.values("address"))
    )


def recipients(agenda: Agenda) -> list[Recipient]:
    """One per address (the first person with it), in address order. One query."""
    rows = _eligible(agenda).order_by(Lower("email"), "pk").values_list("pk", "email").distinct()
    seen: set[str] = set()
    result = []
    for pk, address in rows:
        address = address.lower()
        if address not in seen:
            seen.add(address)
            result.append(Recipient(person_id=pk, email=address.lower()))
    return result


@transaction.atomic
def announce_by_mail(*, agenda: Agenda, actor: Actor) -> int:
    """Queue the announcement to every recipient, once per agenda. Returns how many."""
    from .tasks import send_announcement

    if agenda.closes_at is not None and agenda.is_closed():
        raise ValidationError(_("The vote has closed; there is nothing to announce any more."))
    claimed = Agenda.objects.filter(pk=agenda.pk, announced_at__isnull=True).update(
        announced_at=timezone.now()
    )
    if not claimed:
        raise ValidationError(_("The announcement has already been sent for this agenda."))
    announce_channels.announcement_channel(agenda=agenda, actor=actor)
    people = recipients(agenda)
    # Counts only: the addresses stay out of the audit log.
    audit.record(
        actor=actor, action="agenda.announced", subject=agenda, payload={"queued": len(people)}
    )
    for recipient in people:
        send_announcement.enqueue(agenda.pk, recipient.person_id)
    return len(people)


def opt_out_token(agenda_id: int, email: str) -> str:
    """A signed (not secret) token of the agenda and the address: the address is in the mail
    already, and nobody can make a token for an address of their choice."""
    return signing.dumps([agenda_id, email.lower()], salt=OPT_OUT_SALT, compress=True)


def read_opt_out_token(token: str) -> tuple[int, str] | None:
    try:
        agenda_id, email = signing.loads(token, salt=OPT_OUT_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(agenda_id, int) or not isinstance(email, str):
        return None
    return agenda_id, email


def opt_out_url(agenda_id: int, email: str) -> str:
    token = opt_out_token(agenda_id, email)
    return str(settings.SITE_URL) + reverse("agenda-opt-out", args=[token])


@transaction.atomic
def opt_out(*, agenda: Agenda, email: str) -> EmailOptOut:
    """Record that this address wants no more invitation emails from the organisation."""
    organisation_id = agenda.series.organisation_id
    address = email.lower()
    existing = (
        EmailOptOut.objects.annotate(address=Lower("email"))
        .filter(organisation_id=organisation_id, address=address)
        .first()
    )
    if existing is not None:
        return existing
    opt = EmailOptOut.objects.create(organisation_id=organisation_id, email=address)
    audit.record(
        actor=None,
        action="agenda.opt_out",
        subject=agenda,
        payload={},
        actor_label="opt-out link",
    )
    return opt


def deliver_announcement(agenda_id: int, person_id: int) -> bool:
    """Send the announcement to one person, checking again that it still applies: the person
    is still registered, has an address and did not opt out in the meantime."""
    agenda = (
        Agenda.objects.select_related("series__organisation", "series__neighbourhood")
        .filter(pk=agenda_id)
        .first()
    )
    if agenda is None or agenda.is_closed():
        return False
    person = _eligible(agenda).filter(pk=person_id).first()
    if person is None:
        return False
    stop = opt_out_url(agenda.pk, person.email)
    language = person.language or "nl"
    send_mail(
        to=person.email,
        template="agenda/mail/announcement",
        language=language,
        context={
            "agenda": agenda,
            "title": public_title(agenda, language),
            "person": person,
            "series": agenda.series,
            "organisation": agenda.series.organisation,
            # The mail's own tracked link, so the announce page counts who votes through it.
            "link": announce_channels.announcement_link(agenda) or vote_url(agenda),
            "opt_out_link": stop,
        },
        headers={
            "List-Unsubscribe": f"<{stop}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    return True
