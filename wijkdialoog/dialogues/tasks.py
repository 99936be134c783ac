"""Mail about planning, sent by the task worker after the change is committed."""

from django.conf import settings
from django.tasks import task
from django.urls import reverse

from wijkdialoog.community.magic_links import login_url
from wijkdialoog.community.roles import ensure_user
from wijkdialoog.core.links import link
from wijkdialoog.core.mail import send_mail
from wijkdialoog.methods.selection import (
    default_builtin_method,
    method_for_table,
    method_language_for,
)

from .models import Table


@task
def send_table_assignment(table_id: int, facilitator_id: int) -> None:
    """Tells a facilitator which table they lead, with the method guide and a login link that
    opens facilitator mode for that table."""
    table = (
        Table.objects.select_related(
            "facilitator__user",
            "meeting__venue",
            "meeting__method",
            "meeting__organisation",
            "meeting__series__neighbourhood",
            "meeting__series__default_method",
        )
        .filter(pk=table_id, facilitator_id=facilitator_id)
        .first()
    )
    # Gone, or someone else leads it by now: that person gets their own mail.
    if table is None or table.facilitator is None or not table.facilitator.email:
        return
    person = table.facilitator
    meeting = table.meeting
    method = method_for_table(table) or default_builtin_method(method_language_for(table.language))
    # Facilitator mode belongs to harvest; without it the link opens the meeting's page.
    run_path = link("lead-table", table) or reverse("meeting-public", args=[meeting.pk])
    send_mail(
        to=person.email,
        template="dialogues/mail/table_assignment",
        language=person.language,
        context={
            "person": person,
            "table": table,
            "meeting": meeting,
            "venue": meeting.venue,
            "organisation": meeting.organisation,
            "method": method,
            "guide_url": f"{settings.SITE_URL}{reverse('method-guide', args=[method.pk])}"
            if method is not None and method.phases.exists()
            else "",
            "run_url": f"{settings.SITE_URL}{run_path}",
            "link": login_url(ensure_user(person), assignment=True, next_url=run_path),
        },
    )
