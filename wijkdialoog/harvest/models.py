import secrets
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wijkdialoog.community.models import Person
from wijkdialoog.core.models import OwnedQuerySet, TimeStampedModel, owned_through
from wijkdialoog.dialogues.models import Meeting, Series, Table
from wijkdialoog.methods.kinds import CardKind
from wijkdialoog.methods.models import Method, Phase
from wijkdialoog.registrations.models import Registration

from .kom_erbij import ScaleAnswer


def _scale_field(label) -> models.CharField:
    return models.CharField(label, max_length=12, choices=ScaleAnswer, blank=True)


def new_participant_token() -> str:
    return secrets.token_urlsafe(12)


class TableRun(TimeStampedModel):
    """The conversation at one table as the facilitator runs it: the method, the current phase
    and when it started (for the quiet timer, which can be paused and extended), the closing
    note."""

    table = models.OneToOneField(
        Table, verbose_name=_("table"), on_delete=models.CASCADE, related_name="run"
    )
    method = models.ForeignKey(
        Method, verbose_name=_("method"), on_delete=models.PROTECT, related_name="runs"
    )
    phase_position = models.PositiveSmallIntegerField(_("current phase"), default=0)
    phase_started_at = models.DateTimeField(_("phase started at"), null=True, blank=True)
    # The timer of the current phase, kept here so that it survives a reload or another phone.
    timer_paused_at = models.DateTimeField(_("timer paused at"), null=True, blank=True)
    extra_minutes = models.PositiveSmallIntegerField(_("minutes added to this phase"), default=0)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closing_note = models.TextField(_("closing note of the facilitator"), blank=True)
    # In the QR code on the table: participants add cards and evaluate without an account.
    participant_token = models.CharField(
        max_length=64, unique=True, default=new_participant_token, editable=False
    )

    objects = owned_through("table__meeting__organisation").as_manager()

    class Meta:
        verbose_name = _("table conversation")
        verbose_name_plural = _("table conversations")

    def __str__(self):
        return str(self.table)

    @property
    def organisation_id(self) -> int:
        return self.table.organisation_id


class Turn(models.Model):
    """Someone at the table has spoken in this phase (so everyone gets a turn)."""

    run = models.ForeignKey(TableRun, on_delete=models.CASCADE, related_name="turns")
    phase_position = models.PositiveSmallIntegerField()
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["run", "phase_position", "registration"], name="turn_once_per_phase"
            )
        ]

    def __str__(self):
        return f"{self.run} {self.phase_position} {self.registration_id}"


class CardQuerySet(OwnedQuerySet):
    owner = "meeting__organisation"

    def public(self) -> "CardQuerySet":
        """The one definition of what may be shown in public (the wall, partners, exports):
        approved, published with or without a name, and no personal action its owner keeps
        to themselves. `Card.is_public` says the same of one card."""
        return self.filter(
            status=Card.Status.APPROVED,
            publication__in=[Card.Publication.PUBLIC, Card.Publication.ANONYMOUS],
        ).exclude(kind=CardKind.PERSONAL_ACTION, shared=False)


class Card(TimeStampedModel):
    """An oogstkaart: one harvested item with a publication level agreed with the participant."""

    class Publication(models.TextChoices):
        PUBLIC = "public", _("public, with first name")
        ANONYMOUS = "anonymous", _("public, without name")
        INTERNAL = "internal", _("internal only")

    class Status(models.TextChoices):
        APPROVED = "approved", _("approved")
        PENDING = "pending", _("waiting for approval")
        REJECTED = "rejected", _("not approved")

    class Source(models.TextChoices):
        FACILITATOR = "facilitator", _("facilitator or harvester")
        PARTICIPANT = "participant", _("participant, through the QR code")
        PAPER = "paper", _("typed in from paper")

    # Made on the device that captured the card, so a retry never creates a second card.
    client_id = models.UUIDField(_("device id"), unique=True, default=uuid.uuid4, editable=False)
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="cards"
    )
    table = models.ForeignKey(
        Table,
        verbose_name=_("table"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cards",
    )
    phase = models.ForeignKey(
        Phase,
        verbose_name=_("phase"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cards",
    )
    # The phase's name when the card was made, kept if the method is edited later.
    phase_name = models.CharField(_("phase"), max_length=120, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=CardKind)
    text = models.TextField(_("text"), max_length=2000)
    first_name = models.CharField(_("first name"), max_length=80, blank=True)
    publication = models.CharField(
        _("publication"), max_length=12, choices=Publication, default=Publication.ANONYMOUS
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.APPROVED)
    source = models.CharField(
        _("source"), max_length=12, choices=Source, default=Source.FACILITATOR
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    # Personal actions belong to someone; private to them unless they choose to share.
    owner = models.ForeignKey(
        Person,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="harvest_cards",
    )
    shared = models.BooleanField(_("shared by the owner"), default=False)

    objects = CardQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "created_at", "pk"]
        verbose_name = _("harvest card")
        verbose_name_plural = _("harvest cards")
        indexes = [
            models.Index(fields=["meeting", "status", "publication", "updated_at"]),
            models.Index(fields=["table", "created_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind=CardKind.PERSONAL_ACTION)
                | Q(owner__isnull=False)
                | Q(shared=False),
                name="card_shared_action_has_an_owner",
            )
        ]

    def __str__(self):
        return self.text[:60]

    @property
    def organisation_id(self) -> int:
        return self.meeting.organisation_id

    @property
    def is_public(self) -> bool:
        """May be shown on public pages and the wall."""
        if self.status != self.Status.APPROVED:
            return False
        if self.kind == CardKind.PERSONAL_ACTION and not self.shared:
            return False
        return self.publication in (self.Publication.PUBLIC, self.Publication.ANONYMOUS)

    @property
    def public_name(self) -> str:
        return Card.name_in_public(publication=self.publication, first_name=self.first_name)

    @staticmethod
    def name_in_public(*, publication: str, first_name: str) -> str:
        """The one rule for names in public: the first name only on a card public with name."""
        return first_name if publication == Card.Publication.PUBLIC else ""


def photo_path(instance, filename):
    return f"harvest/{instance.meeting_id}/{uuid.uuid4().hex}.{filename.rsplit('.', 1)[-1].lower()}"


class Photo(TimeStampedModel):
    """A photo of a flip-chart or paper cards."""

    client_id = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="harvest_photos")
    table = models.ForeignKey(
        Table, null=True, blank=True, on_delete=models.SET_NULL, related_name="harvest_photos"
    )
    image = models.ImageField(_("photo"), upload_to=photo_path)
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    publication = models.CharField(
        _("publication"),
        max_length=12,
        choices=Card.Publication,
        default=Card.Publication.INTERNAL,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = owned_through("meeting__organisation").as_manager()

    class Meta:
        ordering = ["meeting", "created_at"]
        verbose_name = _("harvest photo")
        verbose_name_plural = _("harvest photos")

    def __str__(self):
        return self.caption or self.image.name

    @property
    def organisation_id(self) -> int:
        return self.meeting.organisation_id


class Evaluation(TimeStampedModel):
    """A participant's short, anonymous evaluation at the end of the conversation.

    Besides the first questions (rating, takeaway) it holds the four outcomes the Amsterdam
    evaluation of the Dag van de Dialoog measured and a grade. `met_someone_new` is the first of
    those outcomes: its question is asked in the Amsterdam words now, and earlier answers to "did
    you meet someone new?" count towards the same outcome. The six `scale_*` answers ("Kom
    erbij", see kom_erbij.py) are asked only in a series that switched them on."""

    class Rating(models.IntegerChoices):
        NOT_GOOD = 1, _("not good")
        OKAY = 2, _("okay")
        GOOD = 3, _("good")
        VERY_GOOD = 4, _("very good")

    class Answer(models.TextChoices):
        YES = "yes", _("yes")
        NO = "no", _("no")
        NOT_SURE = "unsure", _("not sure")

    class Source(models.TextChoices):
        PHONE = "phone", _("on their own phone (QR code)")
        FACILITATOR = "facilitator", _("with the facilitator")
        PAPER = "paper", _("paper form, typed in")

    client_id = models.UUIDField(unique=True, default=uuid.uuid4)
    table = models.ForeignKey(Table, on_delete=models.CASCADE, related_name="evaluations")
    source = models.CharField(_("filled in"), max_length=12, choices=Source, default=Source.PHONE)
    rating = models.PositiveSmallIntegerField(
        _("how was this conversation for you?"), choices=Rating
    )
    met_someone_new = models.CharField(
        _("I spoke with people I would not otherwise meet"),
        max_length=8,
        choices=Answer,
        blank=True,
    )
    feel_more_connected = models.CharField(
        _("I feel more connected with the neighbourhood"), max_length=8, choices=Answer, blank=True
    )
    view_changed = models.CharField(
        _("my view on the theme has changed"), max_length=8, choices=Answer, blank=True
    )
    exchanged_contacts = models.CharField(
        _("I exchanged contact details with someone"), max_length=8, choices=Answer, blank=True
    )
    grade = models.PositiveSmallIntegerField(
        _("grade (1 to 10)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    takeaway = models.TextField(_("what do you take with you?"), blank=True, max_length=1000)
    scale_emptiness = _scale_field(_("I experience a general sense of emptiness"))
    scale_rely_on = _scale_field(_("there are plenty of people I can rely on"))
    scale_miss_people = _scale_field(_("I miss having people around me"))
    scale_trust = _scale_field(_("there are many people I can trust completely"))
    scale_close = _scale_field(_("there are enough people I feel close to"))
    scale_rejected = _scale_field(_("I often feel rejected"))

    objects = owned_through("table__meeting__organisation").as_manager()

    class Meta:
        ordering = ["table", "created_at"]
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        constraints = [
            models.CheckConstraint(
                condition=Q(grade__isnull=True) | Q(grade__gte=1, grade__lte=10),
                name="evaluation_grade_from_1_to_10",
            ),
        ]

    def __str__(self):
        return f"{self.table} {self.get_rating_display()}"

    @property
    def organisation_id(self) -> int:
        return self.table.organisation_id


class SeriesEvaluation(TimeStampedModel):
    """How a series evaluates beyond the standard questions: for now whether it asks "Kom
    erbij", the six questions of the short loneliness scale, at its first and later meetings."""

    series = models.OneToOneField(
        Series, verbose_name=_("series"), on_delete=models.CASCADE, related_name="evaluation"
    )
    ask_kom_erbij = models.BooleanField(_("ask the Kom erbij questions"), default=False)

    objects = owned_through("series__organisation").as_manager()

    class Meta:
        verbose_name = _("evaluation of a series")
        verbose_name_plural = _("evaluations of series")

    def __str__(self):
        return str(self.series)

    @property
    def organisation_id(self) -> int:
        return self.series.organisation_id
