"""Demo data: invitation channels of the Kersenbuurt series and a Rietveld poster, with an email
list of which a few invitations went out. Puts {kind: Channel} of the Kersenbuurt series in
context["channels"], so the registration demo can say how people found the dialogue."""

import datetime

from django.utils import timezone

from wijkdialoog.core.demo_support import DemoContext
from wijkdialoog.registrations.models import Channel

from . import channels
from .models import EmailOptOut, Invitation

Kind = Channel.Kind

# (kind, label, meeting key or None for the whole series)
KERSENBUURT_CHANNELS = [
    (Kind.POSTER, "Poster buurthuis en bibliotheek", "kersenbuurt_next"),
    (Kind.FLYER, "Flyers winkelcentrum Kersenplein", None),
    (Kind.DOOR_TO_DOOR, "Langs de deur in de Kersenlaan", None),
    (Kind.SHARE, "WhatsApp-groep Kersenbuurt", None),
    (Kind.PARTNER_NEWSLETTER, "Nieuwsbrief Sociaal Wijkteam Kersenbuurt", None),
    (Kind.EMAIL_LIST, "Mailinglijst bewonersvereniging", "kersenbuurt_next"),
]

# (first name, address, language, sent days ago or None)
INVITATIONS = [
    ("Karin", "karin.dekker@example.org", "nl", 6),
    ("Ahmed", "ahmed.benali@example.org", "nl", 6),
    ("", "familie.verhoeven@example.org", "nl", 6),
    ("Olena", "olena.kovalenko@example.org", "en", 6),
    ("Peter", "peter.dejong@example.org", "nl", None),
    ("Sarah", "sarah.oconnor@example.org", "en", None),
    ("Kees", "kees.willems@example.org", "nl", None),
]
# Someone who asked for no more invitation emails: the list leaves this address out.
OPTED_OUT = "kees.willems@example.org"


def load(context: DemoContext) -> None:
    series = context.objects.get("series")
    if not series:
        return
    meetings = context.objects.get("meetings", {})
    kersenbuurt = series["kersenbuurt"]

    made = {}
    for kind, label, meeting_key in KERSENBUURT_CHANNELS:
        made[kind] = channels.create_channel(
            series=kersenbuurt,
            actor=None,
            kind=kind,
            label=label,
            meeting=meetings.get(meeting_key) if meeting_key else None,
        )
    context["channels"] = made

    if "rietveld" in series:
        channels.create_channel(
            series=series["rietveld"],
            actor=None,
            kind=Kind.POSTER,
            label="Poster dorpshuis en supermarkt",
            meeting=meetings.get("rietveld_next"),
        )

    email_list = made[Kind.EMAIL_LIST]
    now = timezone.now()
    for first_name, email, language, sent_days_ago in INVITATIONS:
        Invitation.objects.create(
            channel=email_list,
            first_name=first_name,
            email=email,
            language=language,
            sent_at=now - datetime.timedelta(days=sent_days_ago) if sent_days_ago else None,
        )
    EmailOptOut.objects.create(organisation=kersenbuurt.organisation, email=OPTED_OUT)
