"""Wijkafspraken with partners, and questions routed to partners (issue 11, items 4 and 5)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkdialoog.agenda.models import AgendaItem
from wijkdialoog.community.models import Membership, Person
from wijkdialoog.core.models import TimeStampedModel, owned_through
from wijkdialoog.dialogues.bilingual import PublicText, public_text
from wijkdialoog.dialogues.models import Series
from wijkdialoog.harvest.models import Card
from wijkdialoog.synthesis.models import Theme

# --- Wijkafspraken with partners, and questions routed to partners (issue 11, items 4 and 5) ---

PartnerKind = Membership.PartnerKind
# How a kind of partner is named where the public reads its answer ("Reply from the municipality").
PUBLIC_PARTNER_NAMES = {
    PartnerKind.MUNICIPALITY: _("the municipality"),
    PartnerKind.CARE: _("the care organisation"),
    PartnerKind.WELFARE: _("the welfare organisation"),
    PartnerKind.WIJKTEAM: _("the neighbourhood team"),
    PartnerKind.OTHER: _("a partner"),
}


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
    title_en = models.CharField(_("what is agreed, in English"), max_length=200, blank=True)
    description = models.TextField(_("more about it"), blank=True, max_length=2000)
    description_en = models.TextField(_("more about it, in English"), blank=True, max_length=2000)
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
    # Public progress (issue 11, item 8): only these show on the neighbourhood page and feed.
    is_public = models.BooleanField(_("show on the neighbourhood page"), default=False)

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

    @property
    def public_title(self) -> PublicText:
        return public_text(self, "title")

    @property
    def public_description(self) -> PublicText:
        return public_text(self, "description")


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
    is its own row, so two parties writing at once lose nothing. Besides progress, the timeline
    records when a party was added and when it committed to its part or declined it."""

    class Event(models.TextChoices):
        PROGRESS = "", _("progress")
        PARTY_ADDED = "party-added", _("party added")
        COMMITTED = "committed", _("commits to its part")
        DECLINED = "declined", _("declines its part")

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
    event = models.CharField(_("what kind of line"), max_length=12, choices=Event, blank=True)

    objects = owned_through("agreement__series__organisation").as_manager()

    class Meta:
        ordering = ["agreement", "-created_at", "-pk"]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")

    def __str__(self) -> str:
        return f"{_('Update')} {self.pk}"

    @property
    def is_party_added(self) -> bool:
        return self.event == self.Event.PARTY_ADDED

    @property
    def is_committed(self) -> bool:
        return self.event == self.Event.COMMITTED

    @property
    def is_declined(self) -> bool:
        return self.event == self.Event.DECLINED

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

    @property
    def public_partner_name(self) -> str:
        return self.partner_name or str(PUBLIC_PARTNER_NAMES[PartnerKind(self.partner_kind)])
