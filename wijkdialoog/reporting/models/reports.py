"""The oogstverslag: one report per meeting or per series, with the words only the organiser
can write (why, what participants said of the dialogue, recommendations) in Dutch and
optionally English, and a published state. Everything else in a report is read from the other
apps when it is shown (`reporting.assemble`)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wijkdialoog.community.models import Organisation
from wijkdialoog.core.models import OwnedQuerySet, TimeStampedModel
from wijkdialoog.dialogues.models import Meeting, Series

# The organiser's texts, each with an English field beside it (`<name>_en`).
REPORT_TEXTS = ("context", "participants_said", "recommendations")
REPORT_TEXT_FIELDS = tuple(f"{name}{suffix}" for name in REPORT_TEXTS for suffix in ("", "_en"))


class Report(TimeStampedModel):
    """The report of one meeting or of one series (exactly one of the two)."""

    # Always the subject's organisation: set by `reports.report_for`.
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="reports",
        editable=False,
    )
    meeting = models.OneToOneField(
        Meeting,
        verbose_name=_("meeting"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="report",
    )
    series = models.OneToOneField(
        Series,
        verbose_name=_("dialogue series"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="report",
    )
    context = models.TextField(
        _("why this dialogue"),
        blank=True,
        max_length=4000,
        help_text=_("Why did you hold this dialogue, and for whom? Short sentences."),
    )
    context_en = models.TextField(_("why this dialogue, in English"), blank=True, max_length=4000)
    participants_said = models.TextField(
        _("what participants said of the dialogue"),
        blank=True,
        max_length=4000,
        help_text=_("What did people say about taking part? No names."),
    )
    participants_said_en = models.TextField(
        _("what participants said of the dialogue, in English"), blank=True, max_length=4000
    )
    recommendations = models.TextField(
        _("recommendations"),
        blank=True,
        max_length=4000,
        help_text=_("What do you advise the neighbourhood, the partners and the municipality?"),
    )
    recommendations_en = models.TextField(
        _("recommendations in English"), blank=True, max_length=4000
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "pk"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.CheckConstraint(
                condition=Q(meeting__isnull=False, series__isnull=True)
                | Q(meeting__isnull=True, series__isnull=False),
                name="report_of_a_meeting_or_a_series",
            )
        ]

    def __str__(self) -> str:
        return str(self.meeting if self.meeting_id else self.series)

    @property
    def subject(self) -> Meeting | Series:
        """The meeting or series this report is of."""
        subject = self.meeting if self.meeting_id else self.series
        assert subject is not None
        return subject

    @property
    def is_published(self) -> bool:
        return self.published_at is not None
