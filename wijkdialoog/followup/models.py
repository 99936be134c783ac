"""The follow-up of personal actions: one mail per person per meeting with a personal link, and
their private answer per action."""

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkdialoog.agenda.models import AgendaItem
from wijkdialoog.community.models import Membership, Person
from wijkdialoog.core.models import TimeStampedModel, owned_through
from wijkdialoog.dialogues.models import Meeting, Series
from wijkdialoog.harvest.models import Card
from wijkdialoog.synthesis.models import Theme


class FollowUp(TimeStampedModel):
    """One person's follow-up of the personal actions they wrote at one meeting: the one mail
    ("how did your step go?") and the personal link in it, of which only a hash is stored."""

    class NotAsked(models.TextChoices):
        NO_EMAIL = "no-email", _("no email address")
        OPTED_OUT = "opted-out", _("asked for no more email")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="follow_ups"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="follow_ups"
    )
    token_hash = models.CharField(max_length=64, unique=True, null=True, editable=False)
    # Set by whoever claims the mail first: the mail goes once.
    mailed_at = models.DateTimeField(_("mailed at"), null=True, blank=True)
    not_asked = models.CharField(
        _("not asked, because"), max_length=12, choices=NotAsked, blank=True
    )
    revoked_at = models.DateTimeField(_("link revoked at"), null=True, blank=True)

    objects = owned_through("meeting__organisation").as_manager()

    class Meta:
        ordering = ["meeting", "pk"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person"], name="follow_up_once_per_person_per_meeting"
            ),
            models.CheckConstraint(
                condition=models.Q(mailed_at__isnull=True) | models.Q(not_asked=""),
                name="follow_up_mailed_or_not_asked",
            ),
        ]

    def __str__(self) -> str:
        # No name: this text lands in the audit log.
        return f"{_('Follow-up')} {self.pk}"

    @property
    def organisation_id(self) -> int:
        return self.meeting.organisation_id


class StepAnswer(TimeStampedModel):
    """How one personal action went, in the owner's own words. Private: organisers see counts,
    except for "I would like help", which reaches them with the first name."""

    class Status(models.TextChoices):
        DONE = "done", _("done")
        BUSY = "busy", _("busy with it")
        NOT_DONE = "not-done", _("did not work out")
        WANTS_HELP = "wants-help", _("I would like help")

    follow_up = models.ForeignKey(
        FollowUp, verbose_name=_("follow-up"), on_delete=models.CASCADE, related_name="answers"
    )
    card = models.OneToOneField(
        Card, verbose_name=_("personal action"), on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField(_("how did it go?"), max_length=12, choices=Status)
    note = models.CharField(_("a short line"), max_length=200, blank=True)
    help_handled_at = models.DateTimeField(_("help handled at"), null=True, blank=True)
    help_handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("help handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = owned_through("follow_up__meeting__organisation").as_manager()

    class Meta:
        ordering = ["follow_up", "card", "pk"]
        verbose_name = _("answer about a personal action")
        verbose_name_plural = _("answers about personal actions")
        indexes = [models.Index(fields=["status", "help_handled_at"])]

    def __str__(self) -> str:
        return f"{_('Answer')} {self.pk}"

    @property
    def organisation_id(self) -> int:
        return self.follow_up.meeting.organisation_id

    @property
    def wants_help(self) -> bool:
        return self.status == self.Status.WANTS_HELP


# --- Wijkafspraken with partners, and questions routed to partners (issue 11, items 4 and 5) ---

PartnerKind = Membership.PartnerKind


class AgreementStatus(models.TextChoices):
    AGREED = "afgesproken", _("agreed")
    BUSY = "bezig", _("in progress")
    DONE = "klaar", _("done")
    DELAYED = "vertraagd", _("delayed")
    FAILED = "niet-gelukt", _("did not work out")


class Agreement(TimeStampedModel):
    """A wijkafspraak: what residents and partners agreed in a series, perhaps coming from a
    wijkagenda item, a question for partners or a theme (and linking back to it)."""

    series = models.ForeignKey(
        Series, verbose_name=_("series"), on_delete=models.CASCADE, related_name="agreements"
    )
    title = models.CharField(_("what is agreed"), max_length=200)
    description = models.TextField(_("more about it"), blank=True, max_length=2000)
    status = models.CharField(
        _("status"), max_length=12, choices=AgreementStatus, default=AgreementStatus.AGREED
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("from the wijkagenda item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agreements",
    )
    card = models.ForeignKey(
        Card,
        verbose_name=_("from the question for partners"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agreements",
    )
    theme = models.ForeignKey(
        Theme,
        verbose_name=_("from the theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agreements",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = owned_through("series__organisation").as_manager()

    class Meta:
        ordering = ["series", "-created_at", "pk"]
        verbose_name = _("wijkafspraak")
        verbose_name_plural = _("wijkafspraken")

    def __str__(self) -> str:
        return self.title[:80]

    @property
    def organisation_id(self) -> int:
        return self.series.organisation_id


class AgreementParty(TimeStampedModel):
    """One party of an agreement and its own commitment: a partner organisation (whose partners
    log in) or a resident (who acts through a personal link; only its hash is stored)."""

    class Kind(models.TextChoices):
        PARTNER = "partner", _("partner")
        RESIDENT = "resident", _("resident")

    class Response(models.TextChoices):
        WAITING = "", _("no answer yet")
        COMMITTED = "committed", _("commits to it")
        DECLINED = "declined", _("declines")

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="parties"
    )
    kind = models.CharField(_("party"), max_length=10, choices=Kind)
    partner_kind = models.CharField(
        _("kind of partner"), max_length=20, choices=PartnerKind, blank=True
    )
    partner_name = models.CharField(_("partner organisation"), max_length=150, blank=True)
    person = models.ForeignKey(
        Person,
        verbose_name=_("resident"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="agreement_parties",
    )
    commitment = models.TextField(_("who does what"), max_length=1000)
    due_on = models.DateField(_("by when"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=AgreementStatus, default=AgreementStatus.AGREED
    )
    response = models.CharField(
        _("answer of the party"), max_length=10, choices=Response, blank=True
    )
    decline_reason = models.CharField(_("reason"), max_length=500, blank=True)
    token_hash = models.CharField(max_length=64, unique=True, null=True, editable=False)
    revoked_at = models.DateTimeField(_("link revoked at"), null=True, blank=True)
    # Claimed by whoever sends the reminder first: each goes once.
    reminded_at = models.DateTimeField(_("reminded before the date at"), null=True, blank=True)
    overdue_reminded_at = models.DateTimeField(_("reminded when overdue at"), null=True, blank=True)

    objects = owned_through("agreement__series__organisation").as_manager()

    class Meta:
        ordering = ["agreement", "due_on", "pk"]
        verbose_name = _("party of an agreement")
        verbose_name_plural = _("parties of agreements")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(kind="partner", person__isnull=True)
                    & ~models.Q(partner_kind="", partner_name="")
                )
                | models.Q(kind="resident", person__isnull=False, partner_kind="", partner_name=""),
                name="agreement_party_partner_or_resident",
            ),
        ]

    def __str__(self) -> str:
        # A resident's name stays out of the audit log.
        return f"{_('Party')} {self.pk}"

    @property
    def organisation_id(self) -> int:
        return self.agreement.organisation_id

    @property
    def is_partner(self) -> bool:
        return self.kind == self.Kind.PARTNER

    @property
    def is_declined(self) -> bool:
        return self.response == self.Response.DECLINED

    @property
    def display_name(self) -> str:
        if self.is_partner:
            return self.partner_name or str(PartnerKind(self.partner_kind).label)
        return self.person.first_name if self.person else ""


class AgreementUpdate(TimeStampedModel):
    """A dated line on the agreement's timeline, by a party itself or by an organiser. Each update
    is its own row, so two parties writing at once lose nothing."""

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="updates"
    )
    party = models.ForeignKey(
        AgreementParty,
        verbose_name=_("party"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="updates",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("what happened"), max_length=2000, blank=True)
    status = models.CharField(_("new status"), max_length=12, choices=AgreementStatus, blank=True)

    objects = owned_through("agreement__series__organisation").as_manager()

    class Meta:
        ordering = ["agreement", "-created_at", "-pk"]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")

    def __str__(self) -> str:
        return f"{_('Update')} {self.pk}"

    @property
    def organisation_id(self) -> int:
        return self.agreement.organisation_id


class PartnerQuestion(TimeStampedModel):
    """A "question for partners" card routed by the organiser to a partner organisation (by kind
    or by name), and the partner's answer (public or not) or its refusal with a reason."""

    card = models.OneToOneField(
        Card, verbose_name=_("question"), on_delete=models.CASCADE, related_name="partner_question"
    )
    partner_kind = models.CharField(
        _("kind of partner"), max_length=20, choices=PartnerKind, blank=True
    )
    partner_name = models.CharField(_("partner organisation"), max_length=150, blank=True)
    routed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answer = models.TextField(_("answer"), max_length=2000, blank=True)
    answer_is_public = models.BooleanField(_("show the answer with the public card"), default=False)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decline_reason = models.CharField(_("reason for not answering"), max_length=500, blank=True)
    declined_at = models.DateTimeField(_("declined at"), null=True, blank=True)

    objects = owned_through("card__meeting__organisation").as_manager()

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("question routed to a partner")
        verbose_name_plural = _("questions routed to partners")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(partner_kind="", partner_name=""),
                name="partner_question_routed_somewhere",
            ),
        ]

    def __str__(self) -> str:
        return f"{_('Question')} {self.pk}"

    @property
    def organisation_id(self) -> int:
        return self.card.organisation_id

    @property
    def is_open(self) -> bool:
        return self.answered_at is None and self.declined_at is None

    @property
    def partner_label(self) -> str:
        return self.partner_name or str(PartnerKind(self.partner_kind).label)


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
