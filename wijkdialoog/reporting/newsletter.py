"""The newsletter about a report: one mail to each person who asked at sign-up to be kept
posted ("houd me op de hoogte"), in their language, with the main themes, the link to the
report and a one-click opt-out.

`send_newsletter` makes one NewsletterSending per series or meeting and a recipient row per
person (the unique row is the claim, so pressing again or a task that runs twice mails nobody
twice) and enqueues one task per new row. The task sets `sent_at` with a conditional update
before it sends, and checks the consent is still there.
"""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from wijkdialoog.community.models import Person
from wijkdialoog.core import audit
from wijkdialoog.core.mail import send_mail
from wijkdialoog.dialogues.bilingual import public_text
from wijkdialoog.dialogues.models import Meeting, Series
from wijkdialoog.registrations import keep_posted
from wijkdialoog.synthesis.models import Theme

from .models import NewsletterRecipient, NewsletterSending
from .reports import published_report_of
from .reports_render import public_url

MAX_THEMES = 5


def public_report_url(series: Series, meeting: Meeting | None = None) -> str:
    """Where the newsletter links to: the published report of the meeting or the series; without
    one, the public meeting page, or the neighbourhood's page for a series."""
    report = published_report_of(meeting or series)
    if report is not None:
        return public_url(report)
    if meeting is not None:
        return str(settings.SITE_URL) + reverse("meeting-public", args=[meeting.pk])
    neighbourhood = series.neighbourhood
    return str(settings.SITE_URL) + reverse(
        "neighbourhood-public", args=[series.organisation.slug, neighbourhood.slug]
    )


def _meetings(series: Series, meeting: Meeting | None) -> QuerySet[Meeting]:
    if meeting is not None:
        return Meeting.objects.filter(pk=meeting.pk, series=series)
    return Meeting.objects.filter(series=series)


def _sending(series: Series, meeting: Meeting | None) -> NewsletterSending | None:
    return NewsletterSending.objects.filter(series=series, meeting=meeting).first()


def waiting_recipients(*, series: Series, meeting: Meeting | None = None) -> QuerySet[Person]:
    """The people who would get the mail now: kept posted, not mailed about this report yet."""
    people = keep_posted.people_kept_posted(_meetings(series, meeting))
    sending = _sending(series, meeting)
    if sending is not None:
        people = people.exclude(pk__in=sending.recipients.values("person_id"))
    return people


@transaction.atomic
def send_newsletter(
    *, series: Series, meeting: Meeting | None = None, report_url: str, actor: Any
) -> int:
    """Mail the report to everyone kept posted who did not get it yet; how many it goes to."""
    from .tasks import send_newsletter_mail

    Series.objects.select_for_update().filter(pk=series.pk).first()
    sending = _sending(series, meeting)
    if sending is None:
        sending = NewsletterSending.objects.create(
            series=series, meeting=meeting, report_url=report_url, sent_by=actor
        )
    elif sending.report_url != report_url:
        # Whoever gets it from now on gets the report's current address.
        sending.report_url = report_url
        sending.save(update_fields=["report_url", "updated_at"])
    people = list(waiting_recipients(series=series, meeting=meeting).values_list("pk", flat=True))
    NewsletterRecipient.objects.bulk_create(
        [NewsletterRecipient(sending=sending, person_id=pk) for pk in people],
        ignore_conflicts=True,
    )
    audit.record(
        actor=actor,
        action="newsletter.sent",
        subject=meeting or series,
        payload={"sending": sending.pk, "recipients": len(people)},
    )
    recipients = sending.recipients.filter(person_id__in=people, sent_at__isnull=True)
    for recipient_id in recipients.values_list("pk", flat=True):
        send_newsletter_mail.enqueue(recipient_id)
    return len(people)


@dataclass(frozen=True)
class ThemeLine:
    name: str
    description: str


def main_themes(series: Series, language: str) -> list[ThemeLine]:
    """The themes people outside may see (named by the organiser), in the reader's language."""
    themes = Theme.objects.filter(series=series, curated=True).order_by("position", "pk")
    return [
        ThemeLine(
            name=str(public_text(theme, "name", language)),
            description=str(public_text(theme, "description", language)),
        )
        for theme in themes[:MAX_THEMES]
    ]


def claim(recipient_id: int) -> NewsletterRecipient | None:
    """The recipient row, marked as sent; None when another run already claimed it."""
    claimed = NewsletterRecipient.objects.filter(pk=recipient_id, sent_at__isnull=True).update(
        sent_at=timezone.now()
    )
    if not claimed:
        return None
    return NewsletterRecipient.objects.select_related(
        "person",
        "sending__series__organisation",
        "sending__series__neighbourhood",
        "sending__meeting",
    ).get(pk=recipient_id)


def mail_recipient(recipient: NewsletterRecipient) -> bool:
    """Send the claimed mail, unless the person stopped it in the meantime."""
    person, sending = recipient.person, recipient.sending
    if not person.email or not keep_posted.is_kept_posted(person):
        return False
    opt_out_link = keep_posted.opt_out_url(person)
    series = sending.series
    send_mail(
        to=person.email,
        template="reporting/mail/newsletter",
        language=person.language,
        headers={
            "List-Unsubscribe": f"<{opt_out_link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
        context={
            "person": person,
            "series": series,
            "series_theme": str(public_text(series, "theme", person.language)),
            "meeting": sending.meeting,
            "organisation": series.organisation,
            "themes": main_themes(series, person.language),
            "report_url": sending.report_url,
            "opt_out_link": opt_out_link,
        },
    )
    return True
