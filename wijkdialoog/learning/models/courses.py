"""Courses of the leergang: a Leergang groups Courses, a Course has sessions (dagdelen) and
materials. Enrolment, attendance and certification build on CourseSession later."""

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from wijkdialoog.community.models import Organisation, Person
from wijkdialoog.core.models import OwnedQuerySet, TimeStampedModel, owned_through
from wijkdialoog.dialogues.models import Venue


class Leergang(TimeStampedModel):
    """A named group of courses that can be followed as a whole or one by one."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="leergangen",
    )
    name = models.CharField(_("name"), max_length=150)
    name_en = models.CharField(_("name in English"), max_length=150, blank=True)
    description = models.TextField(_("description"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("leergang")
        verbose_name_plural = _("leergangen")

    def __str__(self) -> str:
        return self.name


class CourseKind(models.TextChoices):
    INTRODUCTION = "kennismakingsworkshop", _("introductory workshop (kennismakingsworkshop)")
    FACILITATOR_TRAINING = "training_dialoogbegeleider", _("facilitator training")
    MASTERCLASS = "masterclass", _("masterclass")
    DEEPENING = "verdiepingsworkshop", _("in-depth workshop (verdiepingsworkshop)")
    WIJKTEAM_1_DAY = "wijkteamtraining_1", _("wijkteam training, 1 day")
    WIJKTEAM_3_DAYS = "wijkteamtraining_3", _("wijkteam training, 3 days")
    INTERVISIE = "intervisie", _("peer reflection (intervisie)")
    WORKSHOP = "workshop", _("workshop")
    OTHER = "other", _("other")


class Course(TimeStampedModel):
    """A course: what people learn, for whom, by which trainers, in which sessions."""

    Kind = CourseKind

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="+"
    )
    leergang = models.ForeignKey(
        Leergang,
        verbose_name=_("leergang"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="courses",
    )
    kind = models.CharField(_("kind"), max_length=40, choices=CourseKind)
    title = models.CharField(_("title"), max_length=150)
    title_en = models.CharField(_("title in English"), max_length=150, blank=True)
    learning_goals = models.TextField(
        _("what you learn"), help_text=_("In plain words, one goal per line.")
    )
    learning_goals_en = models.TextField(_("what you learn, in English"), blank=True)
    for_whom = models.CharField(_("for whom"), max_length=250, blank=True)
    for_whom_en = models.CharField(_("for whom, in English"), max_length=250, blank=True)
    trainers = models.ManyToManyField(
        Person, verbose_name=_("trainers"), blank=True, related_name="courses_given"
    )
    open_to_other_organisations = models.BooleanField(
        _("open to people of other organisations"), default=False
    )
    price_cents = models.PositiveIntegerField(_("price in cents"), null=True, blank=True)
    price_note = models.CharField(
        _("who pays"),
        max_length=250,
        blank=True,
        help_text=_("For example: free for volunteers, the municipality pays."),
    )
    price_note_en = models.CharField(_("who pays, in English"), max_length=250, blank=True)
    is_published = models.BooleanField(_("published"), default=False)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def __str__(self) -> str:
        return self.title

    @property
    def price_euros(self) -> str:
        if self.price_cents is None:
            return ""
        return f"€ {self.price_cents // 100},{self.price_cents % 100:02d}"


class CourseSession(TimeStampedModel):
    """One dagdeel of a course: when, where (a venue or an online link) and for how many."""

    course = models.ForeignKey(
        Course, verbose_name=_("course"), on_delete=models.CASCADE, related_name="sessions"
    )
    number = models.PositiveSmallIntegerField(_("number"), default=1)
    title = models.CharField(_("title"), max_length=150, blank=True)
    title_en = models.CharField(_("title in English"), max_length=150, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    venue = models.ForeignKey(
        Venue,
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    online_link = models.URLField(_("online link"), blank=True)
    capacity = models.PositiveIntegerField(_("places"))
    required_for_certification = models.BooleanField(
        _("required for the certificate"), default=True
    )

    objects = owned_through("course__organisation").as_manager()

    class Meta:
        ordering = ["starts_at", "number", "pk"]
        verbose_name = _("session (dagdeel)")
        verbose_name_plural = _("sessions (dagdelen)")
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_at__lt=F("ends_at")), name="course_session_starts_before_end"
            ),
            models.CheckConstraint(condition=Q(capacity__gt=0), name="course_session_capacity"),
        ]

    def __str__(self) -> str:
        return f"{self.course} – {self.number}"

    @property
    def organisation_id(self) -> int:
        return self.course.organisation_id

    @property
    def places_left(self) -> int:
        """Until enrolment exists, every place is free."""
        return self.capacity


def material_path(instance: Any, filename: str) -> str:
    return f"learning/materials/{instance.course.organisation_id}/{filename}"


class CourseMaterial(TimeStampedModel):
    """Something to download or read for a course or one of its sessions: a file or a link."""

    course = models.ForeignKey(
        Course, verbose_name=_("course"), on_delete=models.CASCADE, related_name="materials"
    )
    session = models.ForeignKey(
        CourseSession,
        verbose_name=_("session"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="materials",
    )
    title = models.CharField(_("title"), max_length=150)
    file = models.FileField(_("file"), upload_to=material_path, blank=True)
    link = models.URLField(_("link"), blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = owned_through("course__organisation").as_manager()

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        constraints = [
            models.CheckConstraint(
                condition=(Q(file="") & ~Q(link="")) | (~Q(file="") & Q(link="")),
                name="course_material_file_or_link",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def organisation_id(self) -> int:
        return self.course.organisation_id
