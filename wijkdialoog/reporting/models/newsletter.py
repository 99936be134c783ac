"""The newsletter about a report: one sending per series (or meeting), one row per person it
goes to. The row is the claim: a person gets the mail about a report once, however often an
organiser presses the button or a task runs again."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wijkdialoog.community.models import Person
from wijkdialoog.core.models import TimeStampedModel, owned_through
from wijkdialoog.dialogues.models import Meeting, Series


class NewsletterSending(TimeStampedModel):
    """The mail about the report of a series, or of one of its meetings."""

    series = models.ForeignKey(
        Series,
        verbose_name=_("series"),
        on_delete=models.CASCADE,
        related_name="newsletter_sendings",
    )
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="newsletter_sendings",
    )
    report_url = models.URLField(_("link to the report"), max_length=500)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = owned_through("series__organisation").as_manager()

    class Meta:
        ordering = ["series", "meeting", "pk"]
        verbose_name = _("newsletter sending")
        verbose_name_plural = _("newsletter sendings")
        constraints = [
            models.UniqueConstraint(
                fields=["series"],
                condition=Q(meeting__isnull=True),
                name="newsletter_one_sending_per_series_report",
            ),
            models.UniqueConstraint(
                fields=["series", "meeting"],
                condition=Q(meeting__isnull=False),
                name="newsletter_one_sending_per_meeting_report",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.series} {self.meeting or ''}".strip()

    @property
    def organisation_id(self) -> int:
        return self.series.organisation_id


class NewsletterRecipient(models.Model):
    """One person a sending goes to; `sent_at` is set when its task claims it."""

    sending = models.ForeignKey(
        NewsletterSending, on_delete=models.CASCADE, related_name="recipients"
    )
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    objects = owned_through("sending__series__organisation").as_manager()

    class Meta:
        ordering = ["sending", "pk"]
        verbose_name = _("newsletter recipient")
        verbose_name_plural = _("newsletter recipients")
        constraints = [
            models.UniqueConstraint(
                fields=["sending", "person"], name="newsletter_once_per_person_per_report"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sending_id} → {self.person_id}"

    @property
    def organisation_id(self) -> int:
        return self.sending.organisation_id
