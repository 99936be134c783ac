"""The kerngroep (issue 11, item 6): the fixed group around a series and its tasks."""

from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from wijkdialoog.community.models import Person
from wijkdialoog.core.models import TimeStampedModel, owned_through
from wijkdialoog.dialogues.models import Series

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
