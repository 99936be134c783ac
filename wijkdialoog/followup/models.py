"""The follow-up of personal actions: one mail per person per meeting with a personal link, and
their private answer per action."""

from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from wijkdialoog.community.models import Person
from wijkdialoog.core.models import TimeStampedModel, owned_through
from wijkdialoog.dialogues.models import Meeting, Series
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


# --- The kerngroep (issue 11, item 6): the fixed group around a series and its tasks. ---


class KerngroepRole(models.TextChoices):
    PROGRAMMING = "programmering", _("programme")
    RECRUITING = "werving", _("recruiting")
    HOSTING = "begeleiding", _("guiding the conversations")
    EVALUATION = "evaluatie", _("evaluation")
    FOLLOW_UP = "opvolging", _("follow-up")


class KerngroepMember(TimeStampedModel):
    """One neighbour, volunteer or partner in the kerngroep of a series. They reach the group's
    page through their personal link (only its hash is stored) or, with a login, from their
    account. Leaving ends the link; the record stays for the tasks they owned."""

    series = models.ForeignKey(
        Series, verbose_name=_("series"), on_delete=models.CASCADE, related_name="kerngroep"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="kerngroepen"
    )
    roles = models.JSONField(_("roles"), default=list, blank=True)
    token_hash = models.CharField(max_length=64, unique=True, null=True, editable=False)
    wants_digest = models.BooleanField(_("weekly email about tasks"), default=True)
    # The Monday of the last week whose digest this member was sent: claimed before sending.
    digest_week = models.DateField(_("last weekly email for the week of"), null=True, blank=True)
    left_at = models.DateTimeField(_("left at"), null=True, blank=True)

    objects = owned_through("series__organisation").as_manager()

    class Meta:
        ordering = ["series", "person__first_name", "pk"]
        verbose_name = _("kerngroep member")
        verbose_name_plural = _("kerngroep members")
        constraints = [
            models.UniqueConstraint(
                fields=["series", "person"], name="kerngroep_member_once_per_series"
            ),
        ]

    def __str__(self) -> str:
        # No name: this text lands in the audit log.
        return f"{_('Kerngroep member')} {self.pk}"

    @property
    def organisation_id(self) -> int:
        return self.series.organisation_id

    @property
    def is_active(self) -> bool:
        return self.left_at is None

    @property
    def role_labels(self) -> list[str]:
        labels = dict(KerngroepRole.choices)
        return [str(labels[role]) for role in self.roles if role in labels]


class KerngroepTask(TimeStampedModel):
    """One line on the kerngroep's shared task list."""

    series = models.ForeignKey(
        Series, verbose_name=_("series"), on_delete=models.CASCADE, related_name="kerngroep_tasks"
    )
    text = models.CharField(_("task"), max_length=200)
    owner = models.ForeignKey(
        KerngroepMember,
        verbose_name=_("who does it"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tasks",
    )
    due_on = models.DateField(_("due date"), null=True, blank=True)
    created_by = models.ForeignKey(
        KerngroepMember,
        verbose_name=_("added by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    done_by = models.ForeignKey(
        KerngroepMember,
        verbose_name=_("done by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    done_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("marked done by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = owned_through("series__organisation").as_manager()

    class Meta:
        ordering = ["series", F("due_on").asc(nulls_last=True), "pk"]
        verbose_name = _("kerngroep task")
        verbose_name_plural = _("kerngroep tasks")
        indexes = [models.Index(fields=["series", "done_at", "due_on"])]

    def __str__(self) -> str:
        return f"{_('Task')} {self.pk}"

    @property
    def organisation_id(self) -> int:
        return self.series.organisation_id

    @property
    def is_done(self) -> bool:
        return self.done_at is not None
