"""Who lives in a neighbourhood: the population figures of one year, imported from the CBS
table "Kerncijfers wijken en buurten" or typed in by an organiser. Reports compare who came
with these figures."""

from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkdialoog.community.models import Neighbourhood
from wijkdialoog.core.models import TimeStampedModel, owned_through

# The age groups CBS counts, in order: (field name, lowest age, age the group ends before).
CBS_AGE_FIELDS = ("age_0_15", "age_15_25", "age_25_45", "age_45_65", "age_65_plus")


class Population(TimeStampedModel):
    class Source(models.TextChoices):
        CBS_IMPORT = "cbs", _("imported from CBS")
        TYPED = "typed", _("typed in")

    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        on_delete=models.CASCADE,
        related_name="population_figures",
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    region_code = models.CharField(
        _("CBS region code"),
        max_length=10,
        blank=True,
        validators=[
            RegexValidator(
                r"^(GM\d{4}|WK\d{6}|BU\d{8})$",
                _("A CBS code looks like WK036301 (wijk) or BU03630101 (buurt)."),
            )
        ],
    )
    inhabitants = models.PositiveIntegerField(_("inhabitants"))
    age_0_15 = models.PositiveIntegerField(_("younger than 15"), null=True, blank=True)
    age_15_25 = models.PositiveIntegerField(_("15 to 25"), null=True, blank=True)
    age_25_45 = models.PositiveIntegerField(_("25 to 45"), null=True, blank=True)
    age_45_65 = models.PositiveIntegerField(_("45 to 65"), null=True, blank=True)
    age_65_plus = models.PositiveIntegerField(_("65 or older"), null=True, blank=True)
    households = models.PositiveIntegerField(_("households"), null=True, blank=True)
    migration_background_percent = models.DecimalField(
        _("share with a migration background (%)"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Where known: people born abroad or with a parent born abroad."),
    )
    source = models.CharField(_("source"), max_length=8, choices=Source, default=Source.TYPED)
    file_name = models.CharField(_("file"), max_length=200, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = owned_through("neighbourhood__organisation").as_manager()

    class Meta:
        verbose_name = _("population figures")
        verbose_name_plural = _("population figures")
        ordering = ["neighbourhood", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["neighbourhood", "year"], name="reporting_population_one_per_year"
            ),
            models.CheckConstraint(
                condition=models.Q(migration_background_percent__gte=0)
                & models.Q(migration_background_percent__lte=100)
                | models.Q(migration_background_percent__isnull=True),
                name="reporting_population_share_is_a_percentage",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.neighbourhood} {self.year}"

    @property
    def organisation_id(self) -> int:
        return self.neighbourhood.organisation_id

    def age_counts(self) -> list[int | None]:
        """The CBS age groups, youngest first."""
        values: list[Any] = [getattr(self, name) for name in CBS_AGE_FIELDS]
        return values

    @property
    def is_from_cbs(self) -> bool:
        return self.source == self.Source.CBS_IMPORT

    @property
    def has_age_groups(self) -> bool:
        return all(value is not None for value in self.age_counts())
