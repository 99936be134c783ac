from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q, Sum
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from wijkdialoog.community.models import Organisation
from wijkdialoog.core.models import OwnedQuerySet, TimeStampedModel, owned_through

from .kinds import CardKind


class Method(TimeStampedModel):
    """A werkvorm: ordered phases with questions, minutes and conversation rules.

    Shipped methods have no organisation and cannot be edited; organisers copy one and adapt it.
    Each language version is its own row; rows of one method share a `family` slug, so a table
    in English gets the English version of the meeting's method.
    """

    class Language(models.TextChoices):
        DUTCH = "nl", "Nederlands"
        ENGLISH = "en", "English"

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="methods",
        help_text=_("Empty for the methods that come with Wijkdialoog."),
    )
    family = models.SlugField(_("method key"), max_length=80)
    language = models.CharField(_("language"), max_length=5, choices=Language, default="nl")
    name = models.CharField(_("name"), max_length=120)
    summary = models.TextField(_("what it is for"), blank=True)
    conversation_rules = models.TextField(
        _("conversation rules"), blank=True, help_text=_("One rule per line.")
    )
    based_on = models.ForeignKey(
        "self",
        verbose_name=_("copied from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="copies",
    )

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["organisation_id", "name", "language"]
        verbose_name = _("method")
        verbose_name_plural = _("methods")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "family", "language"],
                condition=Q(organisation__isnull=False),
                name="method_one_version_per_language",
            ),
            models.UniqueConstraint(
                fields=["family", "language"],
                condition=Q(organisation__isnull=True),
                name="builtin_method_one_version_per_language",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("method-detail", args=[self.pk])

    @property
    def is_builtin(self) -> bool:
        return self.organisation_id is None

    @property
    def rules_list(self) -> list[str]:
        return [line.strip() for line in self.conversation_rules.splitlines() if line.strip()]

    def total_minutes(self) -> int:
        return self.phases.aggregate(total=Sum("minutes"))["total"] or 0


class Phase(TimeStampedModel):
    """One step (ronde) of a method."""

    method = models.ForeignKey(
        Method, verbose_name=_("method"), on_delete=models.CASCADE, related_name="phases"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    name = models.CharField(_("name"), max_length=120)
    purpose = models.TextField(_("purpose"), blank=True)
    questions = models.TextField(_("questions for the facilitator"), help_text=_("One per line."))
    minutes = models.PositiveSmallIntegerField(
        _("minutes"), validators=[MinValueValidator(1), MaxValueValidator(240)]
    )
    card_kinds = models.JSONField(
        _("kinds of harvest card"),
        default=list,
        blank=True,
        help_text=_("What this phase collects."),
    )

    objects = owned_through("method__organisation").as_manager()

    class Meta:
        ordering = ["method", "position"]
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        constraints = [
            models.UniqueConstraint(fields=["method", "position"], name="phase_unique_position"),
            models.CheckConstraint(condition=Q(minutes__gte=1), name="phase_takes_some_time"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        unknown = set(self.card_kinds) - set(CardKind.values)
        if unknown:
            raise ValidationError({"card_kinds": _("Unknown kind of card.")})

    @property
    def questions_list(self) -> list[str]:
        return [line.strip() for line in self.questions.splitlines() if line.strip()]

    @property
    def card_kind_labels(self) -> list[str | Promise]:
        return [CardKind(kind).label for kind in self.card_kinds if kind in CardKind.values]

    @property
    def organisation_id(self):
        return self.method.organisation_id
