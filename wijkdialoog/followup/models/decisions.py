"""Choosing one dream together (issue 11, item 3): a decision moment in a series with options,
votes on phones and tallies from dots on paper, the chosen option, and the Deep Democracy step:
who sees it differently and what they need to come along. The chosen dream becomes an
initiative with planned contact moments (Samen verder)."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkdialoog.agenda.models import AgendaItem
from wijkdialoog.core.models import TimeStampedModel, owned_through
from wijkdialoog.dialogues.bilingual import PublicText, public_text
from wijkdialoog.dialogues.models import Meeting, Series
from wijkdialoog.harvest.models import Card
from wijkdialoog.synthesis.models import Theme

from .initiatives import Initiative


def new_decision_token() -> str:
    return secrets.token_urlsafe(16)


class Decision(TimeStampedModel):
    """A decision moment: the vote is open for a while; then the organiser confirms the winner
    and records what the minority needs."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("being prepared")
        OPEN = "open", _("vote open")
        CLOSED = "closed", _("vote closed")

    series = models.ForeignKey(
        Series, verbose_name=_("series"), on_delete=models.CASCADE, related_name="decisions"
    )
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decisions",
    )
    title = models.CharField(_("title"), max_length=160)
    question = models.CharField(_("question"), max_length=300)
    status = models.CharField(_("status"), max_length=8, choices=Status, default=Status.DRAFT)
    token = models.CharField(max_length=32, unique=True, default=new_decision_token, editable=False)
    last_vote_at = models.DateTimeField(null=True, blank=True, editable=False)
    winner = models.ForeignKey(
        "DecisionOption",
        verbose_name=_("chosen option"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("chosen at"), null=True, blank=True)
    minority_view = models.TextField(_("who sees it differently"), blank=True, max_length=2000)
    minority_view_en = models.TextField(
        _("who sees it differently, in English"), blank=True, max_length=2000
    )
    minority_needs = models.TextField(
        _("what they need to come along"), blank=True, max_length=2000
    )
    minority_needs_en = models.TextField(
        _("what they need to come along, in English"), blank=True, max_length=2000
    )
    minority_recorded_at = models.DateTimeField(_("minority heard at"), null=True, blank=True)
    initiative = models.OneToOneField(
        Initiative,
        verbose_name=_("initiative"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decision",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = owned_through("series__organisation").as_manager()

    class Meta:
        ordering = ["series", "-created_at", "pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(winner__isnull=True) | models.Q(status="closed"),
                name="decision_winner_only_after_the_vote",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def organisation_id(self) -> int:
        return self.series.organisation_id

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED

    @property
    def is_decided(self) -> bool:
        return self.winner_id is not None

    @property
    def public_minority_view(self) -> PublicText:
        return public_text(self, "minority_view")

    @property
    def public_minority_needs(self) -> PublicText:
        return public_text(self, "minority_needs")


class DecisionOption(TimeStampedModel):
    """One option to choose from, copied from a dream card, a theme or a wijkagenda priority,
    or typed. Dots on paper are typed in as `paper_votes`."""

    decision = models.ForeignKey(
        Decision, verbose_name=_("decision"), on_delete=models.CASCADE, related_name="options"
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    text = models.CharField(_("option"), max_length=280)
    text_en = models.CharField(_("option in English"), max_length=280, blank=True)
    card = models.ForeignKey(
        Card, null=True, blank=True, on_delete=models.SET_NULL, related_name="decision_options"
    )
    theme = models.ForeignKey(
        Theme, null=True, blank=True, on_delete=models.SET_NULL, related_name="decision_options"
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decision_options",
    )
    paper_votes = models.PositiveIntegerField(_("dots on paper"), default=0)

    objects = owned_through("decision__series__organisation").as_manager()

    class Meta:
        ordering = ["decision", "position", "pk"]
        verbose_name = _("option")
        verbose_name_plural = _("options")

    def __str__(self) -> str:
        return self.text

    @property
    def organisation_id(self) -> int:
        return self.decision.organisation_id

    @property
    def label(self) -> PublicText:
        return public_text(self, "text")


class DecisionVote(TimeStampedModel):
    """A phone's vote: one per device per decision (only the hash of the device's token is
    stored), changeable while the vote is open."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="votes")
    option = models.ForeignKey(DecisionOption, on_delete=models.CASCADE, related_name="votes")
    token_hash = models.CharField(max_length=64, editable=False)

    class Meta:
        ordering = ["decision", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "token_hash"], name="decision_one_vote_per_device"
            ),
        ]

    def __str__(self) -> str:
        return f"{_('Vote')} {self.pk}"


class ContactMoment(TimeStampedModel):
    """Samen verder: a planned moment when the werkgroep of an initiative meets or reports."""

    initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="contact_moments",
    )
    on = models.DateField(_("date"))
    what = models.CharField(_("what"), max_length=200)

    objects = owned_through("initiative__series__organisation").as_manager()

    class Meta:
        ordering = ["initiative", "on", "pk"]
        verbose_name = _("contact moment")
        verbose_name_plural = _("contact moments")

    def __str__(self) -> str:
        return self.what

    @property
    def organisation_id(self) -> int:
        return self.initiative.organisation_id
