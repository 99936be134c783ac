from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    """The base of every domain model: when a row was created and last changed (UTC)."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class OwnedQuerySet(models.QuerySet):
    """Rows of one organisation. `owner` is the lookup from the model to its organisation;
    `Model.objects.for_organisation(organisation)` is the one way to scope a query to it."""

    owner = "organisation"

    def for_organisation(self, organisation):
        return self.filter(**{self.owner: organisation})


def owned_through(lookup: str) -> type[OwnedQuerySet]:
    """An OwnedQuerySet for a model that belongs to its organisation through `lookup`."""
    return type("OwnedQuerySet", (OwnedQuerySet,), {"owner": lookup})


# Human labels for audit action codes; each app registers its own with `describe_action`.
ACTION_LABELS: dict[str, str] = {}


def describe_action(code: str, label) -> None:
    ACTION_LABELS[code] = label


class AuditEntry(models.Model):
    """Who did what to which object, and when. Written in the same transaction as the change."""

    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # How the change came in when there is no logged-in actor: "manage link", "system", "demo".
    actor_label = models.CharField(_("who (description)"), max_length=120, blank=True)
    action = models.CharField(_("action"), max_length=80)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    subject = GenericForeignKey("content_type", "object_id")
    object_repr = models.CharField(_("object"), max_length=200)
    payload = models.JSONField(_("details"), default=dict, blank=True, encoder=DjangoJSONEncoder)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id", "-created_at"])]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"

    @property
    def action_display(self) -> str:
        return str(ACTION_LABELS.get(self.action, self.action))

    @property
    def actor_display(self) -> str:
        if self.actor_id:
            return str(self.actor)
        return self.actor_label or "—"
