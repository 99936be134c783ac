"""The six questions of "Kom erbij": the short loneliness scale of De Jong Gierveld and Van
Tilburg (2006), in the Dutch wording CBS uses, with its published scoring.

Towards residents the questions are called "Kom erbij" and are about the people around you;
only organisers' pages name the scale. Plain Python, so the scoring is tested on plain data.

Scoring as published: the three emotional items are worded negatively and count 1 for "ja" or
"min of meer"; the three social items are worded positively and count 1 for "nee" or "min of
meer". So the neutral answer always counts. Emotional 0–3, social 0–3, total 0–6. Only a
complete set of six answers gets a score.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class ScaleAnswer(models.TextChoices):
    YES = "yes", _("yes")
    MORE_OR_LESS = "more-or-less", _("more or less")
    NO = "no", _("no")


class Dimension(models.TextChoices):
    EMOTIONAL = "emotional", _("emotional")
    SOCIAL = "social", _("social")


@dataclass(frozen=True)
class Item:
    field: str
    dimension: Dimension

    @property
    def counting_answers(self) -> frozenset[str]:
        if self.dimension == Dimension.EMOTIONAL:
            return frozenset({ScaleAnswer.YES, ScaleAnswer.MORE_OR_LESS})
        return frozenset({ScaleAnswer.NO, ScaleAnswer.MORE_OR_LESS})


# In the order CBS asks them; the field names are those of harvest.models.Evaluation.
ITEMS = (
    Item("scale_emptiness", Dimension.EMOTIONAL),
    Item("scale_rely_on", Dimension.SOCIAL),
    Item("scale_miss_people", Dimension.EMOTIONAL),
    Item("scale_trust", Dimension.SOCIAL),
    Item("scale_close", Dimension.SOCIAL),
    Item("scale_rejected", Dimension.EMOTIONAL),
)
FIELDS = tuple(item.field for item in ITEMS)

# The statements, in the order of ITEMS (English source; the Dutch catalogue holds CBS's words).
STATEMENTS = {
    "scale_emptiness": _("I experience a general sense of emptiness."),
    "scale_rely_on": _("There are plenty of people I can rely on when I have problems."),
    "scale_miss_people": _("I miss having people around me."),
    "scale_trust": _("There are many people I can trust completely."),
    "scale_close": _("There are enough people I feel close to."),
    "scale_rejected": _("I often feel rejected."),
}

CREDIT = _(
    "These six questions come from the short scale of Jenny de Jong Gierveld and Theo van "
    "Tilburg (2006), in the words Statistics Netherlands (CBS) uses."
)


@dataclass(frozen=True)
class Score:
    emotional: int
    social: int

    @property
    def total(self) -> int:
        return self.emotional + self.social


def score(answers: Mapping[str, str]) -> Score | None:
    """The published score of one person's six answers; None when an answer is missing."""
    if any(answers.get(field) not in ScaleAnswer.values for field in FIELDS):
        return None
    emotional = sum(
        1
        for item in ITEMS
        if item.dimension == Dimension.EMOTIONAL and answers[item.field] in item.counting_answers
    )
    social = sum(
        1
        for item in ITEMS
        if item.dimension == Dimension.SOCIAL and answers[item.field] in item.counting_answers
    )
    return Score(emotional=emotional, social=social)
