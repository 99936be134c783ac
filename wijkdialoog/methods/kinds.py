"""The kinds of harvest card. Methods say which kinds a phase collects; harvest stores them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CardKind(models.TextChoices):
    EXPERIENCE = "experience", _("experience or story")
    VALUE = "value", _("value")
    DREAM = "dream", _("dream")
    NEED = "need", _("need")
    IDEA = "idea", _("idea")
    PERSONAL_ACTION = "action", _("personal action")
    INITIATIVE = "initiative", _("collective initiative")
    QUOTE = "quote", _("quote")
    QUESTION = "question", _("question for partners")
    CONCERN = "concern", _("concern or minority voice")
