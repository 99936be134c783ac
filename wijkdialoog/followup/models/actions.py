"""The follow-up of personal actions: one mail per person per meeting with a personal link, and
their private answer per action."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkdialoog.community.models import Person
from wijkdialoog.core.models import TimeStampedModel, owned_through
from wijkdialoog.dialogues.models import Meeting
from wijkdialoog.harvest.models import Card


class FollowUp(TimeStampedModel):
    """One person's follow-up of the personal actions they wrote at one meeting: the one mail
    ("how did your step go?") and the personal link in it, of which only a hash is stored."""

    class NotAsked(models.TextChoices):
        NO_EMAIL = "no-email", _("no email address")
        OPTED_OUT = "opted-out", _("asked for no more email")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="follow_ups"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="follow_ups"
    )
    token_hash = models.CharField(max_length=64, unique=True, null=True, editable=False)
    # Set by whoever claims the mail first: the mail goes once.
    mailed_at = models.DateTimeField(_("mailed at"), null=True, blank=True)
    not_asked = models.CharField(
        _("not asked, because"), max_length=12, choices=NotAsked, blank=True
    )
    revoked_at = models.DateTimeField(_("link revoked at"), null=True, blank=True)

    objects = owned_through("meeting__organisation").as_manager()

    class Meta:
        ordering = ["meeting", "pk"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"], name="follow_up_once_per_person_per_meeting"
            ),
            models.CheckConstraint(
                condition=models.Q(mailed_at__isnull=True) | models.Q(not_asked=""),
                name="follow_up_mailed_or_not_asked",
            ),
        ]

    def __str__(self) -> str:
        # No name: this text lands in the audit log.
        return f"{_('Follow-up')} {self.pk}"

    @property
    def organisation_id(self) -> int:
        return self.meeting.organisation_id


class StepAnswer(TimeStampedModel):
    """How one personal action went, in the owner's own words. Private: organisers see counts,
    except for "I would like help", which reaches them with the first name."""

    class Status(models.TextChoices):
        DONE = "done", _("done")
        BUSY = "busy", _("busy with it")
        NOT_DONE = "not-done", _("did not work out")
        WANTS_HELP = "wants-help", _("I would like help")

    follow_up = models.ForeignKey(
        FollowUp, verbose_name=_("follow-up"), on_delete=models.CASCADE, related_name="answers"
    )
    card = models.OneToOneField(
        Card, verbose_name=_("personal action"), on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField(_("how did it go?"), max_length=12, choices=Status)
    note = models.CharField(_("a short line"), max_length=200, blank=True)
    help_handled_at = models.DateTimeField(_("help handled at"), null=True, blank=True)
    help_handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("help handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = owned_through("follow_up__meeting__organisation").as_manager()

    class Meta:
        ordering = ["follow_up", "card", "pk"]
        verbose_name = _("answer about a personal action")
        verbose_name_plural = _("answers about personal actions")
        indexes = [models.Index(fields=["status", "help_handled_at"])]

    def __str__(self) -> str:
        return f"{_('Answer')} {self.pk}"

    @property
    def organisation_id(self) -> int:
        return self.follow_up.meeting.organisation_id

    @property
    def wants_help(self) -> bool:
        return self.status == self.Status.WANTS_HELP
