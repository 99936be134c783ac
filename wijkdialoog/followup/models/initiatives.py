"""Collective initiatives (issue 11, item 2): a team, a status, dated updates with photos and,
at the end, a celebration."""

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkdialoog.agenda.models import AgendaItem
from wijkdialoog.community.models import Person
from wijkdialoog.core.models import TimeStampedModel, owned_through
from wijkdialoog.dialogues.models import Meeting, Series
from wijkdialoog.harvest.models import Card
from wijkdialoog.synthesis.models import Theme

# --- Collective initiatives (issue 11, item 2) ---


def initiative_photo_path(instance: "InitiativePhoto", filename: str) -> str:
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"initiatives/{instance.initiative_id}/{uuid.uuid4().hex}.{extension}"


class Initiative(TimeStampedModel):
    """A collective initiative of a series: what neighbours do together, with a team, a status,
    dated updates and, at the end, a celebration."""

    class Status(models.TextChoices):
        IDEA = "idee", _("idea")
        PREPARING = "voorbereiding", _("in preparation")
        BUSY = "bezig", _("under way")
        REALISED = "gerealiseerd", _("realised")
        CELEBRATED = "gevierd", _("celebrated")
        STOPPED = "gestopt", _("stopped")

    series = models.ForeignKey(
        Series, verbose_name=_("series"), on_delete=models.CASCADE, related_name="initiatives"
    )
    name = models.CharField(_("name"), max_length=160)
    what = models.TextField(_("what"), max_length=2000)
    why = models.TextField(_("why"), max_length=2000, blank=True)
    needs = models.TextField(_("what is needed, and from whom"), max_length=2000, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status, default=Status.IDEA)
    stopped_reason = models.TextField(_("why it stopped"), max_length=1000, blank=True)
    is_public = models.BooleanField(_("show on the neighbourhood page"), default=False)
    cards = models.ManyToManyField(
        Card, verbose_name=_("cards"), blank=True, related_name="initiatives"
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="initiatives"
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("wijkagenda priority"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="initiatives",
    )
    celebration_meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("celebration"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="celebrated_initiatives",
    )
    celebration_story = models.TextField(
        _("the story of the celebration"), max_length=2000, blank=True
    )
    celebrated_at = models.DateTimeField(_("celebrated at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = owned_through("series__organisation").as_manager()

    class Meta:
        ordering = ["series", "-created_at", "pk"]
        verbose_name = _("collective initiative")
        verbose_name_plural = _("collective initiatives")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="gestopt") | ~models.Q(stopped_reason=""),
                name="initiative_stopped_with_a_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def organisation_id(self) -> int:
        return self.series.organisation_id

    @property
    def neighbourhood(self) -> Any:
        return self.series.neighbourhood

    @property
    def is_stopped(self) -> bool:
        return self.status == self.Status.STOPPED

    @property
    def is_celebrated(self) -> bool:
        return self.status == self.Status.CELEBRATED


class TeamMember(TimeStampedModel):
    """Someone in an initiative's team. Residents and volunteers act through a personal link
    (only its hash is stored); a partner logs in. Their name is public only with consent."""

    class Kind(models.TextChoices):
        RESIDENT = "resident", _("resident")
        VOLUNTEER = "volunteer", _("volunteer")
        PARTNER = "partner", _("partner")

    initiative = models.ForeignKey(
        Initiative, verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="team"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="initiative_teams"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind, default=Kind.RESIDENT)
    is_contact = models.BooleanField(_("contact person"), default=False)
    name_public = models.BooleanField(_("name may be shown in public"), default=False)
    token_hash = models.CharField(max_length=64, unique=True, null=True, editable=False)
    revoked_at = models.DateTimeField(_("link revoked at"), null=True, blank=True)

    objects = owned_through("initiative__series__organisation").as_manager()

    class Meta:
        ordering = ["initiative", "-is_contact", "pk"]
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "person"], name="team_member_once_per_initiative"
            ),
            models.UniqueConstraint(
                fields=["initiative"],
                condition=models.Q(is_contact=True),
                name="initiative_one_contact_person",
            ),
        ]

    def __str__(self) -> str:
        # No name: this text lands in the audit log.
        return f"{_('Team member')} {self.pk}"

    @property
    def organisation_id(self) -> int:
        return self.initiative.organisation_id

    @property
    def is_partner(self) -> bool:
        return self.kind == self.Kind.PARTNER


class InitiativeUpdate(TimeStampedModel):
    """A dated update of an initiative, by a team member or by staff. Each its own row, so two
    written at once are both kept."""

    initiative = models.ForeignKey(
        Initiative, verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="updates"
    )
    text = models.TextField(_("what happened"), max_length=2000)
    member = models.ForeignKey(
        TeamMember,
        verbose_name=_("written by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="updates",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = owned_through("initiative__series__organisation").as_manager()

    class Meta:
        ordering = ["initiative", "-created_at", "-pk"]
        verbose_name = _("update")
        verbose_name_plural = _("updates")

    def __str__(self) -> str:
        return f"{_('Update')} {self.pk}"

    @property
    def organisation_id(self) -> int:
        return self.initiative.organisation_id

    @property
    def is_status_change(self) -> bool:
        return False


class InitiativePhoto(TimeStampedModel):
    """A photo with an update or with the celebration; stored without metadata."""

    initiative = models.ForeignKey(
        Initiative, verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="photos"
    )
    update = models.ForeignKey(
        InitiativeUpdate,
        verbose_name=_("update"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="photos",
    )
    for_celebration = models.BooleanField(_("photo of the celebration"), default=False)
    image = models.ImageField(_("photo"), upload_to=initiative_photo_path)
    caption = models.CharField(_("caption"), max_length=200, blank=True)

    objects = owned_through("initiative__series__organisation").as_manager()

    class Meta:
        ordering = ["initiative", "created_at", "pk"]
        verbose_name = _("photo of an initiative")
        verbose_name_plural = _("photos of initiatives")

    def __str__(self) -> str:
        return f"{_('Photo')} {self.pk}"

    @property
    def organisation_id(self) -> int:
        return self.initiative.organisation_id


class InitiativeStatusChange(TimeStampedModel):
    """One step on the initiative's timeline: from one status to another, when and why. Kept in
    order under the initiative's row lock, so the last one is always the current status."""

    initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="status_changes",
    )
    from_status = models.CharField(_("from"), max_length=16, choices=Initiative.Status, blank=True)
    to_status = models.CharField(_("to"), max_length=16, choices=Initiative.Status)
    reason = models.TextField(_("why"), max_length=1000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = owned_through("initiative__series__organisation").as_manager()

    class Meta:
        ordering = ["initiative", "created_at", "pk"]
        verbose_name = _("status change of an initiative")
        verbose_name_plural = _("status changes of initiatives")

    def __str__(self) -> str:
        return f"{_('Status change')} {self.pk}"

    @property
    def organisation_id(self) -> int:
        return self.initiative.organisation_id

    @property
    def is_status_change(self) -> bool:
        return True
