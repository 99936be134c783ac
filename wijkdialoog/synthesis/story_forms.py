"""The editor of the neighbourhood story."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from wijkdialoog.core.forms import ModelForm
from wijkdialoog.core.readability import add_hints

from .models import Story
from .story import CONTENT_FIELDS, PART_NAMES

ENGLISH_HELP = _("For visitors who read English. Empty: they see the Dutch text.")
PART_HELP = _(
    "An empty line starts a new paragraph. Codes such as [thema:12], [citaat:34] and [cijfers] "
    "bring in a theme, a quote or the figures."
)


class StoryForm(ModelForm):
    class Meta:
        model = Story
        fields = list(CONTENT_FIELDS)
        widgets = {
            name: forms.Textarea(attrs={"rows": 6})
            for name in CONTENT_FIELDS
            if name not in ("title", "title_en")
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name.endswith("_en"):
                field.widget.attrs["lang"] = "en"
                field.help_text = ENGLISH_HELP
            if name.removesuffix("_en") in PART_NAMES:
                # story.js inserts codes at the cursor of the part last used.
                field.widget.attrs["data-story-part"] = ""
                if not name.endswith("_en"):
                    field.help_text = PART_HELP
        add_hints(self, PART_NAMES)
