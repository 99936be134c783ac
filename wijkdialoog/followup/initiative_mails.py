"""The mail that brings a team member their personal link to an initiative."""

from django.conf import settings
from django.urls import reverse

from wijkdialoog.core.mail import send_mail

from .models import TeamMember


def team_url(token: str) -> str:
    return str(settings.SITE_URL) + reverse("initiative-team", args=[token])


def send_team_link(member_id: int, token: str) -> bool:
    member = (
        TeamMember.objects.select_related("person", "initiative__series__organisation")
        .filter(pk=member_id, revoked_at__isnull=True)
        .first()
    )
    if member is None or not member.person.email:
        return False
    initiative = member.initiative
    send_mail(
        to=member.person.email,
        template="followup/mail/team_link",
        language=member.person.language,
        context={
            "person": member.person,
            "member": member,
            "initiative": initiative,
            "organisation": initiative.series.organisation,
            "team_url": team_url(token),
        },
    )
    return True
