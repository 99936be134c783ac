import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkdialoog.community.models import Neighbourhood, Organisation, Person
from wijkdialoog.core.models import OwnedQuerySet, TimeStampedModel, owned_through

from .bilingual import public_text

MIN_SEATS, MAX_SEATS, DEFAULT_SEATS = 4, 9, 8


class Venue(TimeStampedModel):
    """An ontmoetingsplek: where people meet, with the facts people need to know to come."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="venues",
    )
    name = models.CharField(_("name"), max_length=150)
    street_address = models.CharField(_("street and number"), max_length=150)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("town or city"), max_length=100)
    step_free_entrance = models.BooleanField(_("step-free entrance"), default=False)
    accessible_toilet = models.BooleanField(_("accessible toilet"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    quiet_room = models.BooleanField(_("quiet room"), default=False)
    public_transport = models.CharField(
        _("public transport"),
        max_length=200,
        blank=True,
        help_text=_("For example: bus 15, stop Kersenplein, 2 minutes walk."),
    )
    public_transport_en = models.CharField(
        _("public transport in English"), max_length=200, blank=True
    )
    notes = models.TextField(_("other information"), blank=True)
    notes_en = models.TextField(_("other information in English"), blank=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("venue")
        verbose_name_plural = _("venues")

    def __str__(self):
        return self.name

    @property
    def accessibility_facts(self) -> list[str]:
        """What the venue offers, in the words of the registration pages, for mails and lists.
        Plain strings in the active language: a lazy label would reach a text template as
        Python's list notation (`join` cannot join lazy strings without autoescaping)."""
        facts = [
            (self.step_free_entrance, _("Entrance without steps")),
            (self.accessible_toilet, _("Accessible toilet")),
            (self.hearing_loop, _("Hearing loop")),
            (self.quiet_room, _("Quiet room")),
        ]
        return [str(label) for present, label in facts if present]

    @property
    def address(self) -> str:
        return ", ".join(
            p for p in [self.street_address, f"{self.postcode} {self.city}".strip()] if p
        )


class Series(TimeStampedModel):
    """A wijkdialoog: rounds on one positively phrased theme in one neighbourhood."""

    # Always the neighbourhood's organisation: set by the planning functions, checked by clean().
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="series",
        editable=False,
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        on_delete=models.PROTECT,
        related_name="series",
    )
    theme = models.CharField(
        _("theme"), max_length=150, help_text=_("Positively phrased, such as “Thuis in je buurt”.")
    )
    slug = models.SlugField(_("short name in web addresses"))
    description = models.TextField(
        _("description in plain words"),
        help_text=_("What is this dialogue about? Short sentences, everyday words."),
    )
    theme_en = models.CharField(_("theme in English"), max_length=150, blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    initiators = models.ManyToManyField(
        Person,
        verbose_name=_("initiators (residents)"),
        blank=True,
        related_name="initiated_series",
    )
    default_method = models.ForeignKey(
        "methods.Method",
        verbose_name=_("default method"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The werkvorm the tables use, unless a meeting chooses another."),
    )
    cadence_weeks = models.PositiveSmallIntegerField(
        _("weeks between rounds"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(52)],
        help_text=_("For example 8 for every two months. Used to propose the next dates."),
    )

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["neighbourhood__name", "theme"]
        verbose_name = _("dialogue series")
        verbose_name_plural = _("dialogue series")
        constraints = [
            models.UniqueConstraint(
                fields=["neighbourhood", "slug"], name="series_unique_slug_per_neighbourhood"
            )
        ]

    def __str__(self):
        return f"{self.theme} ({self.neighbourhood})"

    def clean(self):
        if self.neighbourhood_id and self.organisation_id != self.neighbourhood.organisation_id:
            raise ValidationError(
                "A series belongs to the organisation of its neighbourhood.", code="ownership"
            )

    def proposed_dates(self, count: int = 3) -> list[datetime.datetime]:
        """The next rounds, every `cadence_weeks` after the last meeting (same weekday and time)."""
        if not self.cadence_weeks:
            return []
        last = self.meetings.order_by("-starts_at").first()
        if last is None:
            return []
        # Step in local wall-clock time, so a round stays at 19:30 across a change to summer time.
        zone = timezone.get_current_timezone()
        start = timezone.localtime(last.starts_at, zone).replace(tzinfo=None)
        step = datetime.timedelta(weeks=self.cadence_weeks)
        dates = []
        for i in range(count):
            try:
                dates.append(timezone.make_aware(start + step * (i + 1), zone))
            except OverflowError:
                break  # a meeting saved near the year 9999 before forms refused such dates
        return dates


class Meeting(TimeStampedModel):
    """One gathering of a series."""

    class Kind(models.TextChoices):
        KENNISMAKING = "kennismaking", _("getting to know each other (kennismaking)")
        DIALOGUE = "dialoog", _("dialogue (dialoog)")
        DEEPENING = "verdieping", _("going deeper (verdieping)")
        HARVEST = "oogst", _("harvest and feedback (oogst en terugkoppeling)")
        CELEBRATION = "viering", _("celebration (viering)")

    # Always the series' organisation: set by the planning functions, checked by clean().
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="meetings",
        editable=False,
    )
    series = models.ForeignKey(
        Series, verbose_name=_("dialogue series"), on_delete=models.CASCADE, related_name="meetings"
    )
    kind = models.CharField(
        _("kind of meeting"), max_length=20, choices=Kind, default=Kind.DIALOGUE
    )
    title = models.CharField(_("title"), max_length=150, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    venue = models.ForeignKey(
        Venue,
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    method = models.ForeignKey(
        "methods.Method",
        verbose_name=_("method"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty: the series' default method."),
    )
    what_to_expect = models.TextField(
        _("what to expect"),
        blank=True,
        help_text=_("In plain words: what happens, how long, coffee and tea, who is welcome."),
    )
    what_to_expect_en = models.TextField(_("what to expect in English"), blank=True)
    publish_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        help_text=_("From this moment the meeting is shown publicly. Empty: not published."),
    )
    registration_closes_at = models.DateTimeField(
        _("registration closes at"),
        null=True,
        blank=True,
        help_text=_("Empty: registration closes when the meeting starts."),
    )
    reminder_hours_before = models.PositiveSmallIntegerField(
        _("reminder (hours before)"), default=48, validators=[MaxValueValidator(24 * 14)]
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="meeting_starts_before_it_ends"
            ),
            models.CheckConstraint(
                condition=Q(registration_closes_at__isnull=True)
                | Q(registration_closes_at__lte=F("ends_at")),
                name="meeting_registration_closes_before_the_end",
            ),
        ]

    def __str__(self):
        return self.display_title

    @property
    def display_title(self) -> str:
        theme = public_text(self.series, "theme")
        return self.title or f"{self.get_kind_display().capitalize()}: {theme}"

    def clean(self):
        if self.series_id and self.organisation_id != self.series.organisation_id:
            raise ValidationError(
                "A meeting belongs to the organisation of its series.", code="ownership"
            )

    @property
    def is_published(self) -> bool:
        return self.publish_at is not None and self.publish_at <= timezone.now()

    @property
    def registration_deadline(self) -> datetime.datetime:
        return self.registration_closes_at or self.starts_at

    @property
    def effective_method(self):
        """The method this meeting's tables follow: its own, else the series' default."""
        return self.method or self.series.default_method

    def registration_is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.cancelled_at is None and self.is_published and now < self.registration_deadline

    def capacity(self) -> int:
        """The sum of the seats at its tables."""
        return self.tables.aggregate(total=Sum("seats"))["total"] or 0


class Table(TimeStampedModel):
    """A dialoogtafel: a few seats, one trained facilitator, one language."""

    class Language(models.TextChoices):
        DUTCH = "nl", "Nederlands"
        ENGLISH = "en", "English"
        SIMPLE_DUTCH = "nl-eenvoudig", _("simple Dutch")
        OTHER = "other", _("other language")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="tables"
    )
    number = models.PositiveSmallIntegerField(_("table number"))
    name = models.CharField(_("name"), max_length=60, blank=True)
    seats = models.PositiveSmallIntegerField(
        _("seats"),
        default=DEFAULT_SEATS,
        validators=[MinValueValidator(MIN_SEATS), MaxValueValidator(MAX_SEATS)],
    )
    language = models.CharField(
        _("language"), max_length=15, choices=Language, default=Language.DUTCH
    )
    facilitator = models.ForeignKey(
        Person,
        verbose_name=_("facilitator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="facilitated_tables",
    )
    facilitator_override_reason = models.CharField(
        _("reason for an untrained facilitator"), max_length=300, blank=True
    )
    harvester = models.ForeignKey(
        Person,
        verbose_name=_("harvester"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="harvested_tables",
    )

    objects = owned_through("meeting__organisation").as_manager()

    class Meta:
        ordering = ["meeting", "number"]
        verbose_name = _("table")
        verbose_name_plural = _("tables")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="table_unique_number"),
            models.CheckConstraint(
                condition=Q(seats__gte=MIN_SEATS) & Q(seats__lte=MAX_SEATS),
                name="table_seats_between_4_and_9",
            ),
        ]

    def __str__(self):
        return self.name or _("Table %(number)s") % {"number": self.number}

    @property
    def organisation_id(self) -> int:
        return self.meeting.organisation_id
