"""The wijkagenda: the neighbourhood sets its priorities by voting on short statements.

- `Agenda`: the statements of a series put to the vote, open between two moments, with a public
  link (`token`); once the organiser publishes it, its `AgendaItem`s are the wijkagenda.
- `Statement`: one idea in plain words, made by the organiser (linked to the cards and themes it
  came from), proposed by a resident while voting (waits for moderation) or imported from Polis.
- `Voter` and `Vote`: one device (a cookie token, stored only as a hash) or one paper ballot;
  agree = 1, disagree = -1, pass = 0 as in Polis exports. No personal data is needed to vote.
- `Analysis`: the cached outcome of the vote (opinion groups, consensus, representative and
  divisive statements), computed in a background task; never which voter is in which group.
- `AgendaChannel`: an outreach channel (poster, flyer, share text, the announcement mail) whose
  tracked link (/d/<code>/) leads to this agenda's vote; a voter who arrived through one keeps it.
- `AgendaItem`: a priority on the published wijkagenda, with why, and for a divisive item the
  Deep Democracy step: who sees it differently and what they need to come along.
"""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.models import TimeStampedModel, owned_through
from wijkdialoog.dialogues.models import Series
from wijkdialoog.harvest.models import Card
from wijkdialoog.registrations.models import Channel, Registration
from wijkdialoog.synthesis.models import Theme

STATEMENT_MAX_LENGTH = 280
IMPORTED_MAX_LENGTH = 1000


def new_agenda_token() -> str:
    return secrets.token_urlsafe(9)


class Agenda(TimeStampedModel):
    series = models.ForeignKey(
        Series, verbose_name=_("series"), on_delete=models.CASCADE, related_name="agendas"
    )
    title = models.CharField(_("title"), max_length=150)
    title_en = models.CharField(_("title in English"), max_length=150, blank=True)
    introduction = models.TextField(_("introduction"), blank=True, max_length=2000)
    introduction_en = models.TextField(_("introduction in English"), blank=True, max_length=2000)
    opens_at = models.DateTimeField(_("voting opens"), null=True, blank=True)
    closes_at = models.DateTimeField(_("voting closes"), null=True, blank=True)
    allow_proposals = models.BooleanField(_("residents may propose statements"), default=True)
    # In the public link and the QR code: /stem/<token>/.
    token = models.CharField(max_length=32, unique=True, default=new_agenda_token, editable=False)
    # Set by every vote; the analysis task compares it with Analysis.computed_at (debounce).
    last_vote_at = models.DateTimeField(null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("wijkagenda published at"), null=True, blank=True)
    # Set once when the announcement mail went out to the series' participants (announcing.py).
    announced_at = models.DateTimeField(
        _("announced by email at"), null=True, blank=True, editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = owned_through("series__organisation").as_manager()

    class Meta:
        ordering = ["series", "-created_at", "pk"]
        verbose_name = _("agenda")
        verbose_name_plural = _("agendas")

    def __str__(self) -> str:
        return self.title

    @property
    def organisation_id(self) -> int:
        return self.series.organisation_id

    def is_open(self, now: datetime.datetime | None = None) -> bool:
        now = now or timezone.now()
        return (
            self.opens_at is not None
            and self.opens_at <= now
            and (self.closes_at is None or now < self.closes_at)
        )

    def is_closed(self, now: datetime.datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.closes_at is not None and self.closes_at <= now


class Statement(TimeStampedModel):
    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for moderation")
        ACCEPTED = "accepted", _("in the vote")
        REJECTED = "rejected", _("moderated out")

    class Origin(models.TextChoices):
        ORGANISER = "organiser", _("organiser")
        RESIDENT = "resident", _("resident, while voting")
        IMPORTED = "imported", _("imported from Polis")

    agenda = models.ForeignKey(Agenda, on_delete=models.CASCADE, related_name="statements")
    # The statement's number within its agenda: Polis's comment-id in imports and exports.
    number = models.PositiveIntegerField(_("number"))
    # Organisers write at most STATEMENT_MAX_LENGTH (StatementForm); Polis comments may be longer.
    text = models.CharField(_("statement"), max_length=IMPORTED_MAX_LENGTH)
    text_en = models.CharField(_("statement in English"), max_length=280, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.ACCEPTED)
    origin = models.CharField(_("made by"), max_length=10, choices=Origin, default=Origin.ORGANISER)
    # Polis's is-meta: about the conversation itself, left out of the analysis.
    is_meta = models.BooleanField(_("about the vote itself"), default=False)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged",
    )
    source_cards = models.ManyToManyField(
        Card, verbose_name=_("cards it came from"), blank=True, related_name="statements"
    )
    source_themes = models.ManyToManyField(
        Theme, verbose_name=_("themes it came from"), blank=True, related_name="statements"
    )
    proposed_by = models.ForeignKey(
        "Voter", null=True, blank=True, on_delete=models.SET_NULL, related_name="proposals"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = owned_through("agenda__series__organisation").as_manager()

    class Meta:
        ordering = ["agenda", "number"]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        constraints = [
            models.UniqueConstraint(fields=["agenda", "number"], name="statement_number_once")
        ]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def organisation_id(self) -> int:
        return self.agenda.organisation_id


class Voter(models.Model):
    class Source(models.TextChoices):
        ONLINE = "online", _("online")
        PAPER = "paper", _("paper ballot")
        IMPORTED = "imported", _("imported from Polis")

    agenda = models.ForeignKey(Agenda, on_delete=models.CASCADE, related_name="voters")
    # Polis's participant id within the agenda.
    number = models.PositiveIntegerField()
    # sha256 of the device cookie's token; empty for paper ballots and imports.
    token_hash = models.CharField(max_length=64, blank=True)
    source = models.CharField(max_length=10, choices=Source, default=Source.ONLINE)
    # Optional: the voter came through their personal registration link.
    registration = models.ForeignKey(
        Registration, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Optional: the agenda's channel whose tracked link brought this device (never who it is).
    channel = models.ForeignKey(
        Channel, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = owned_through("agenda__series__organisation").as_manager()

    class Meta:
        verbose_name = _("voter")
        verbose_name_plural = _("voters")
        constraints = [
            models.UniqueConstraint(fields=["agenda", "number"], name="voter_number_once"),
            models.UniqueConstraint(
                fields=["agenda", "token_hash"],
                condition=~models.Q(token_hash=""),
                name="voter_device_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agenda_id}/{self.number}"


class AgendaChannel(models.Model):
    """A channel of the agenda. The Channel (in registrations) belongs to the agenda's series and
    knows nothing of agendas; outreach asks this app where its link leads (see apps.py)."""

    agenda = models.ForeignKey(Agenda, on_delete=models.CASCADE, related_name="channels")
    channel = models.OneToOneField(Channel, on_delete=models.CASCADE, related_name="+")
    # The channel of the announcement mail (made when it is sent), not one the organiser made.
    for_announcement = models.BooleanField(default=False, editable=False)

    objects = owned_through("agenda__series__organisation").as_manager()

    class Meta:
        ordering = ["agenda", "pk"]
        verbose_name = _("agenda channel")
        verbose_name_plural = _("agenda channels")
        constraints = [
            models.UniqueConstraint(
                fields=["agenda"],
                condition=models.Q(for_announcement=True),
                name="one_announcement_channel_per_agenda",
            )
        ]

    def __str__(self) -> str:
        return str(self.channel)

    @property
    def organisation_id(self) -> int:
        return self.agenda.organisation_id


class Vote(models.Model):
    class Value(models.IntegerChoices):
        AGREE = 1, _("agree")
        DISAGREE = -1, _("disagree")
        PASS = 0, _("pass")

    voter = models.ForeignKey(Voter, on_delete=models.CASCADE, related_name="votes")
    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="votes")
    value = models.SmallIntegerField(_("vote"), choices=Value)
    updated_at = models.DateTimeField(auto_now=True)

    objects = owned_through("statement__agenda__series__organisation").as_manager()

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(fields=["voter", "statement"], name="one_vote_per_statement")
        ]

    def __str__(self) -> str:
        return f"{self.voter_id} {self.statement_id} {self.value}"


class Analysis(models.Model):
    """The cached outcome of the vote. `result` is the JSON of agenda.analysis.Result
    (see its to_json); `computed_at` is compared with Agenda.last_vote_at."""

    agenda = models.OneToOneField(Agenda, on_delete=models.CASCADE, related_name="analysis")
    computed_at = models.DateTimeField()
    vote_count = models.PositiveIntegerField(default=0)
    result = models.JSONField(default=dict)

    objects = owned_through("agenda__series__organisation").as_manager()

    class Meta:
        verbose_name = _("analysis")
        verbose_name_plural = _("analyses")

    def __str__(self) -> str:
        return f"{self.agenda} ({self.computed_at:%Y-%m-%d %H:%M})"


class AgendaItem(TimeStampedModel):
    """A priority of the wijkagenda. For a divisive item, the Deep Democracy step recorded at
    the follow-up meeting: who sees it differently, and what they need to come along."""

    agenda = models.ForeignKey(Agenda, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(_("position"), default=0)
    statement = models.ForeignKey(
        Statement,
        verbose_name=_("statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agenda_items",
    )
    title = models.CharField(_("priority"), max_length=280)
    title_en = models.CharField(_("priority in English"), max_length=280, blank=True)
    why = models.TextField(_("why"), blank=True, max_length=2000)
    why_en = models.TextField(_("why, in English"), blank=True, max_length=2000)
    divisive = models.BooleanField(_("opinions differ"), default=False)
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
    minority_recorded_at = models.DateField(_("recorded at the meeting of"), null=True, blank=True)

    objects = owned_through("agenda__series__organisation").as_manager()

    class Meta:
        ordering = ["agenda", "position", "pk"]
        verbose_name = _("wijkagenda item")
        verbose_name_plural = _("wijkagenda items")

    def __str__(self) -> str:
        return self.title[:60]

    @property
    def organisation_id(self) -> int:
        return self.agenda.organisation_id
