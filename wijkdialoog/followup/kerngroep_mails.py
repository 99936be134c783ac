"""The kerngroep's mails: the welcome with the personal link, and the weekly digest of what is
due. Each in the member's language."""

from collections.abc import Sequence

from wijkdialoog.core.mail import send_mail

from . import kerngroep
from .models import KerngroepMember, KerngroepTask


def send_welcome(member_id: int, token: str) -> None:
    member = (
        KerngroepMember.objects.select_related(*kerngroep.MEMBER_RELATED)
        .filter(pk=member_id, left_at__isnull=True)
        .first()
    )
    if member is None or not member.person.email:
        return
    series = member.series
    send_mail(
        to=member.person.email,
        template="followup/kerngroep/mail/welcome",
        language=member.person.language,
        context={
            "person": member.person,
            "series": series,
            "organisation": series.organisation,
            "roles": member.role_labels,
            "link_url": kerngroep.link_url(token),
            "login_url": kerngroep.login_url(series) if member.person.user_id else "",
        },
    )


def send_digest(
    member: KerngroepMember,
    *,
    overdue: Sequence[KerngroepTask],
    due_soon: Sequence[KerngroepTask],
) -> None:
    series = member.series
    send_mail(
        to=member.person.email,
        template="followup/kerngroep/mail/digest",
        language=member.person.language,
        context={
            "person": member.person,
            "member": member,
            "series": series,
            "organisation": series.organisation,
            "overdue": overdue,
            "due_soon": due_soon,
            "login_url": kerngroep.login_url(series) if member.person.user_id else "",
        },
    )
