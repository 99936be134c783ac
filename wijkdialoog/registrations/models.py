import secrets
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wijkdialoog.community.models import Person
from wijkdialoog.core.models import TimeStampedModel, owned_through
from wijkdialoog.dialogues.models import Meeting, Series, Table

# Letters and digits that cannot be mistaken for each other when read aloud or from paper.
CODE_ALPHABET = "ACDEFGHJKLMNPQRTUVWXY34679"


def new_check_in_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(6))


def new_token() -> str:
    return secrets.token_urlsafe(24)


def new_channel_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET.lower()) for _ in range(7))


class Channel(TimeStampedModel):
    """How an invitation reached people. Each has its own tracked link (/d/<code>/)."""

    class Kind(models.TextChoices):
        EMAIL_LIST = "email", _("email list")
        POSTER = "poster", _("poster")
        FLYER = "flyer", _("flyer")
        DOOR_TO_DOOR = "door", _("door to door")
        SHARE = "share", _("WhatsApp or social media")
        PARTNER_NEWSLETTER = "partner", _("partner newsletter")
        PERSONAL = "personal", _("personal invitation")
        OTHER = "other", _("other")

    series = models.ForeignKey(
        Series, verbose_name=_("dialogue series"), on_delete=models.CASCADE, related_name="channels"
    )
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="channels",
        help_text=_("Optional: the link leads straight to this meeting."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    label = models.CharField(
        _("description"), max_length=120, blank=True, help_text=_("For example: flyers Kersenplein")
    )
    code = models.CharField(max_length=16, unique=True, default=new_channel_code, editable=False)

    objects = owned_through("series__organisation").as_manager()

    class Meta:
        ordering = ["series", "kind", "label"]
        verbose_name = _("channel")
        verbose_name_plural = _("channels")

    def __str__(self):
        return self.label or self.get_kind_display()

    @property
    def organisation_id(self) -> int:
        return self.series.organisation_id


class Registration(TimeStampedModel):
    """A person for a meeting. Residents never need an account: a personal link manages it."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        WAITING = "waiting", _("waiting list")
        CANCELLED = "cancelled", _("cancelled")

    class AgeGroup(models.TextChoices):
        # The age groups of CBS ("Kerncijfers wijken en buurten"), so who came compares with
        # who lives in the neighbourhood.
        UNDER_15 = "u15", _("younger than 15")
        AGE_15_24 = "15-24", _("15 to 24")
        AGE_25_44 = "25-44", _("25 to 44")
        AGE_45_64 = "45-64", _("45 to 64")
        AGE_65_PLUS = "65+", _("65 or older")
        # The groups asked before: still valid on stored rows, no longer offered.
        UNDER_18 = "u18", _("younger than 18 (old grouping)")
        AGE_18_34 = "18-34", _("18 to 34 (old grouping)")
        AGE_35_54 = "35-54", _("35 to 54 (old grouping)")
        AGE_55_74 = "55-74", _("55 to 74 (old grouping)")
        AGE_75_PLUS = "75+", _("75 or older (old grouping)")

    class Relation(models.TextChoices):
        RESIDENT = "resident", _("I live here")
        VOLUNTEER = "volunteer", _("I volunteer here")
        PROFESSIONAL = "professional", _("I work here")
        # The context keeps this answer apart from the community app's "partner organisation" field.
        PARTNER = "partner", pgettext_lazy("relation to the neighbourhood", "partner organisation")
        OTHER = "other", _("other")

    class Source(models.TextChoices):
        ONLINE = "online", _("online, by themselves")
        PHONE = "phone", _("by phone, through a volunteer")
        PAPER = "paper", _("paper form")
        WALK_IN = "walk-in", _("walk-in at the door")
        ORGANISER = "organiser", _("added by an organiser")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="registrations"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="registrations"
    )
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.CONFIRMED)
    channel = models.ForeignKey(
        Channel,
        verbose_name=_("channel"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
    )
    source = models.CharField(_("registered"), max_length=12, choices=Source, default=Source.ONLINE)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Optional facts, only used to mix tables and to make sure everyone can take part.
    age_group = models.CharField(_("age group"), max_length=8, choices=AgeGroup, blank=True)
    relation = models.CharField(
        _("relation to the neighbourhood"), max_length=15, choices=Relation, blank=True
    )
    languages = models.CharField(_("languages spoken"), max_length=200, blank=True)
    access_needs = models.TextField(_("what you need to take part"), blank=True)
    first_time = models.BooleanField(_("first time"), null=True, blank=True)
    # People who register together sit at the same table; they share the lead's registration.
    party_lead = models.ForeignKey(
        "self",
        verbose_name=_("registered together with"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="companions",
    )
    consent_at = models.DateTimeField(_("consent given at"))
    consent_version = models.CharField(_("consent text version"), max_length=20)
    # "Houd me op de hoogte": a separate, optional consent to one purpose, mail about what
    # happens with the results of this dialogue. Kept with the registration because it is given
    # for this dialogue; withdrawing it (keep_posted.opt_out) clears it on all of the person's.
    keep_me_posted_at = models.DateTimeField(
        _("asked to be kept posted about the results at"), null=True, blank=True
    )
    check_in_code = models.CharField(
        _("check-in code"), max_length=8, unique=True, default=new_check_in_code, editable=False
    )
    manage_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    waiting_since = models.DateTimeField(_("on the waiting list since"), null=True, blank=True)
    promoted_at = models.DateTimeField(
        _("moved up from the waiting list at"), null=True, blank=True
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    table = models.ForeignKey(
        Table,
        verbose_name=_("table"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
    )
    # Set when an organiser placed this person by hand; re-dividing never moves them.
    table_locked = models.BooleanField(_("placed by hand"), default=False)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)

    objects = owned_through("meeting__organisation").as_manager()

    class Meta:
        ordering = ["meeting", "status", "waiting_since", "created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"], name="registration_one_per_person_per_meeting"
            ),
            models.CheckConstraint(
                condition=~Q(status="waiting") | Q(waiting_since__isnull=False),
                name="registration_waiting_has_a_place_in_line",
            ),
            models.CheckConstraint(
                condition=Q(status="confirmed") | Q(table__isnull=True),
                name="registration_only_confirmed_people_have_a_table",
            ),
        ]
        indexes = [models.Index(fields=["meeting", "status"])]

    def __str__(self):
        return f"{self.person} – {self.meeting}"

    @property
    def organisation_id(self) -> int:
        return self.meeting.organisation_id

    @property
    def party_key(self) -> int:
        """Which party this registration belongs to: the id of its lead (its own when it is the
        lead, or came alone). See parties.py."""
        return self.party_lead_id or self.pk


OFFERED_AGE_GROUPS = ("u15", "15-24", "25-44", "45-64", "65+")


def age_group_choices(keep: str = "") -> list[tuple[str, Any]]:
    """The age groups the sign-up offers (those of CBS), plus `keep` when a stored row has an old
    group, so that editing the row loses nothing."""
    return [
        (value, label)
        for value, label in Registration.AgeGroup.choices
        if value in OFFERED_AGE_GROUPS or (keep and value == keep)
    ]
