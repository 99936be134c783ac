"""Themes and the story: what a series' harvest becomes.

- `HarvestSharing`: per organisation, whether its partners see internal cards too.
- `CardVector`: a card's text as a sentence embedding, made once after the card is saved.
- `Theme` and `CardTheme`: the rode draden of a series, found with the organiser; every card
  belongs to at most one theme, and a human decision (`confirmed`) is never undone by the system.
- `Highlight`: a card the organiser picked as a quote for the story and the report.
- `Story` and `StoryVersion`: het verhaal van de buurt, a draft and its published versions.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wijkdialoog.community.models import Organisation
from wijkdialoog.core.models import TimeStampedModel, owned_through
from wijkdialoog.dialogues.models import Series
from wijkdialoog.harvest.models import Card


class HarvestSharing(TimeStampedModel):
    """What an organisation shares of its harvest with its partners (gemeente, wijkteam)."""

    organisation = models.OneToOneField(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="harvest_sharing",
    )
    partners_see_internal = models.BooleanField(
        _("partners also see internal cards"),
        default=False,
        help_text=_(
            "Off: partners see only the cards that are public. On: partners also see the cards "
            "marked internal. Private actions stay with their owner either way."
        ),
    )

    objects = owned_through("organisation").as_manager()

    class Meta:
        verbose_name = _("harvest sharing with partners")
        verbose_name_plural = _("harvest sharing with partners")

    def __str__(self) -> str:
        return str(self.organisation)


class CardVector(models.Model):
    """The sentence embedding of a card's text (float32, L2-normalised), and what made it.
    A vector whose `text_hash` differs from the card's text now is stale and is made again."""

    card = models.OneToOneField(
        Card, primary_key=True, on_delete=models.CASCADE, related_name="vector"
    )
    model = models.CharField(max_length=80)
    text_hash = models.CharField(max_length=64)
    vector = models.BinaryField()
    embedded_at = models.DateTimeField(auto_now=True)

    objects = owned_through("card__meeting__organisation").as_manager()

    class Meta:
        verbose_name = _("card vector")
        verbose_name_plural = _("card vectors")

    def __str__(self) -> str:
        return f"{self.card_id} ({self.model})"


class Theme(TimeStampedModel):
    """A rode draad of a series: suggested by the system or made by the organiser, named and
    described in words. Once the organiser changed the name or description (`curated`), a
    new suggestion never renames it."""

    series = models.ForeignKey(
        Series, verbose_name=_("series"), on_delete=models.CASCADE, related_name="themes"
    )
    name = models.CharField(_("name"), max_length=120)
    name_en = models.CharField(_("name in English"), max_length=120, blank=True)
    description = models.TextField(
        _("description"),
        blank=True,
        max_length=1000,
        help_text=_("One or two sentences in plain words. New cards are sorted by it."),
    )
    description_en = models.TextField(_("description in English"), blank=True, max_length=1000)
    # The words that named a suggestion (c-TF-IDF), in the cards' own spelling.
    keywords = models.JSONField(_("keywords"), default=list, blank=True)
    central_card = models.ForeignKey(
        Card,
        verbose_name=_("most typical card"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    suggested = models.BooleanField(_("suggested by the system"), default=False)
    curated = models.BooleanField(_("named or described by a person"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Kept for sorting one new card quickly (sorting.py): the embedding of the name and
    # description, the hash of the text it was made from, and the theme's place in the series'
    # centred space (description plus example cards).
    description_vector = models.BinaryField(null=True, editable=False)
    description_hash = models.CharField(max_length=64, blank=True, editable=False)
    vector = models.BinaryField(null=True, editable=False)

    objects = owned_through("series__organisation").as_manager()

    class Meta:
        ordering = ["series", "position", "pk"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.name

    @property
    def organisation_id(self) -> int:
        return self.series.organisation_id


class SeriesSpace(models.Model):
    """The centre of a series' card vectors (engine.themes.Space), kept so that a new card is
    sorted without reading every vector of the series. Fitted again by each full sort."""

    series = models.OneToOneField(
        Series, primary_key=True, on_delete=models.CASCADE, related_name="theme_space"
    )
    model = models.CharField(max_length=80)
    mean = models.BinaryField()
    card_count = models.PositiveIntegerField(default=0)
    fitted_at = models.DateTimeField(auto_now=True)

    objects = owned_through("series__organisation").as_manager()

    class Meta:
        verbose_name = _("card space of a series")
        verbose_name_plural = _("card spaces of series")

    def __str__(self) -> str:
        return f"{self.series_id} ({self.card_count})"


class CardTheme(models.Model):
    """Where a card is sorted. `theme` empty means "nog niet ingedeeld" (not sorted yet).
    `confirmed` is a person's decision: the system never moves a confirmed card."""

    card = models.OneToOneField(
        Card, primary_key=True, on_delete=models.CASCADE, related_name="theme_link"
    )
    series = models.ForeignKey(Series, on_delete=models.CASCADE, related_name="card_themes")
    theme = models.ForeignKey(
        Theme,
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="card_links",
    )
    # How sure the system was (cosine similarity to the theme, 0..1); empty for a person's choice.
    confidence = models.FloatField(_("confidence"), null=True, blank=True)
    confirmed = models.BooleanField(_("confirmed by a person"), default=False)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = owned_through("series__organisation").as_manager()

    class Meta:
        verbose_name = _("card in a theme")
        verbose_name_plural = _("cards in themes")
        indexes = [models.Index(fields=["series", "theme"])]

    def __str__(self) -> str:
        return f"{self.card_id} → {self.theme_id}"


class Highlight(TimeStampedModel):
    """A card the organiser picked as a quote. `for_public` only for cards that are public
    (`Card.objects.public()`), and public pages check that again when they show it."""

    card = models.OneToOneField(
        Card, verbose_name=_("card"), on_delete=models.CASCADE, related_name="highlight"
    )
    series = models.ForeignKey(Series, on_delete=models.CASCADE, related_name="highlights")
    for_public = models.BooleanField(_("may be used in public"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = owned_through("series__organisation").as_manager()

    class Meta:
        ordering = ["series", "created_at", "pk"]
        verbose_name = _("highlight")
        verbose_name_plural = _("highlights")

    def __str__(self) -> str:
        return str(self.card)

    @property
    def organisation_id(self) -> int:
        return self.series.organisation_id


class Story(TimeStampedModel):
    """Het verhaal van de buurt: the organiser's draft in four parts, in Dutch and English.
    Publishing copies the draft into a new `StoryVersion`; the public sees the newest one."""

    series = models.OneToOneField(
        Series, verbose_name=_("series"), on_delete=models.CASCADE, related_name="story"
    )
    title = models.CharField(_("title"), max_length=150, blank=True)
    title_en = models.CharField(_("title in English"), max_length=150, blank=True)
    appreciate = models.TextField(_("what we appreciate"), blank=True, max_length=6000)
    appreciate_en = models.TextField(_("what we appreciate, in English"), blank=True)
    dream = models.TextField(_("what we dream of"), blank=True, max_length=6000)
    dream_en = models.TextField(_("what we dream of, in English"), blank=True)
    needed = models.TextField(_("what is needed"), blank=True, max_length=6000)
    needed_en = models.TextField(_("what is needed, in English"), blank=True)
    ourselves = models.TextField(_("what we will do ourselves"), blank=True, max_length=6000)
    ourselves_en = models.TextField(_("what we will do ourselves, in English"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = owned_through("series__organisation").as_manager()

    class Meta:
        verbose_name = _("neighbourhood story")
        verbose_name_plural = _("neighbourhood stories")

    def __str__(self) -> str:
        return self.title or str(self.series)

    @property
    def organisation_id(self) -> int:
        return self.series.organisation_id


class StoryVersion(models.Model):
    """One published version of the story: the draft's text as it was, kept for the history.
    The newest version is what the neighbourhood page shows."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    # The draft's fields at publication: {"title": …, "appreciate": …, "appreciate_en": …, …}.
    content = models.JSONField(_("content"))
    published_at = models.DateTimeField(_("published at"), auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Set when the organiser took the story off the neighbourhood page.
    withdrawn_at = models.DateTimeField(_("taken offline at"), null=True, blank=True)

    objects = owned_through("story__series__organisation").as_manager()

    class Meta:
        ordering = ["story", "-number"]
        verbose_name = _("published story")
        verbose_name_plural = _("published stories")
        constraints = [
            models.UniqueConstraint(fields=["story", "number"], name="story_version_once")
        ]

    def __str__(self) -> str:
        return f"{self.story} v{self.number}"
