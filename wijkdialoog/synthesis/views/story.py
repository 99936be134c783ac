"""The organiser's side of the neighbourhood story: the editor with the data to insert, the
preview, publishing, the history of versions and taking the story offline."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wijkdialoog.core.access import require_or_404
from wijkdialoog.dialogues.access import SERIES_RELATED
from wijkdialoog.dialogues.models import Series
from wijkdialoog.harvest.models import Card

from .. import story
from ..models import Highlight, StoryVersion, Theme
from ..story_forms import StoryForm
from ..story_text import FIGURES_CODE, quote_code, theme_code


def _series(request: HttpRequest, pk: int) -> Series:
    """The series whose story the organiser writes; for anyone else it does not exist (404)."""
    series = get_object_or_404(Series.objects.select_related(*SERIES_RELATED), pk=pk)
    require_or_404(request, "synthesis.edit_story", series)
    return series


def _insertable(series: Series) -> dict[str, object]:
    """What the organiser can insert: the series' themes and highlights, each with its code."""
    themes = Theme.objects.filter(series=series).order_by("position", "pk")
    highlights = (
        Highlight.objects.filter(series=series)
        .select_related("card")
        .annotate(card_public=Exists(Card.objects.public().filter(pk=OuterRef("card_id"))))
        .order_by("created_at", "pk")
    )
    return {
        "themes": [(theme, theme_code(theme.pk)) for theme in themes],
        "highlights": [(highlight, quote_code(highlight.pk)) for highlight in highlights],
        "figures_code": FIGURES_CODE,
    }


@require_http_methods(["GET", "POST"])
def story_edit(request: HttpRequest, pk: int) -> HttpResponse:
    series = _series(request, pk)
    draft = story.draft_for(series)
    form = StoryForm(request.POST or None, instance=draft)
    if request.method == "POST" and form.is_valid():
        story.save_story(series=series, actor=request.user, **form.cleaned_data)
        messages.success(
            request, _("The draft has been saved. The public sees it only after you publish it.")
        )
        if "preview" in request.POST:
            return redirect("story-preview", pk=series.pk)
        return redirect("story-edit", pk=series.pk)
    versions = story.history(series)
    return render(
        request,
        "synthesis/story_edit.html",
        {
            "series": series,
            "form": form,
            "versions": versions,
            "online_number": story.online_number(versions),
            **_insertable(series),
        },
    )


@require_GET
def story_preview(request: HttpRequest, pk: int) -> HttpResponse:
    series = _series(request, pk)
    content = story.content_of(story.draft_for(series))
    return render(
        request,
        "synthesis/story_preview.html",
        {
            "series": series,
            "story": story.rendered(series, content, preview=True),
            "empty": story.is_empty(content),
        },
    )


@require_POST
def story_publish(request: HttpRequest, pk: int) -> HttpResponse:
    series = _series(request, pk)
    try:
        version = story.publish_story(series=series, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("story-edit", pk=series.pk)
    messages.success(
        request,
        _("Version %(number)s of the story is now on the neighbourhood page.")
        % {"number": version.number},
    )
    return redirect("story-edit", pk=series.pk)


@require_POST
def story_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    series = _series(request, pk)
    try:
        version = story.withdraw_story(series=series, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("story-edit", pk=series.pk)
    messages.success(
        request,
        _(
            "Version %(number)s has been taken offline. The public now sees the version before "
            "it, if there is one."
        )
        % {"number": version.number},
    )
    return redirect("story-edit", pk=series.pk)


@require_GET
def story_version(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    series = _series(request, pk)
    version = get_object_or_404(
        StoryVersion.objects.select_related("published_by").prefetch_related(
            "published_by__persons"
        ),
        story__series=series,
        number=number,
    )
    return render(
        request,
        "synthesis/story_version.html",
        {
            "series": series,
            "version": version,
            "story": story.rendered(series, version.content, preview=True),
        },
    )


urlpatterns = [
    path("beheer/wijkdialogen/<int:pk>/verhaal/", story_edit, name="story-edit"),
    path("beheer/wijkdialogen/<int:pk>/verhaal/voorbeeld/", story_preview, name="story-preview"),
    path("beheer/wijkdialogen/<int:pk>/verhaal/publiceren/", story_publish, name="story-publish"),
    path("beheer/wijkdialogen/<int:pk>/verhaal/offline/", story_withdraw, name="story-withdraw"),
    path(
        "beheer/wijkdialogen/<int:pk>/verhaal/versie/<int:number>/",
        story_version,
        name="story-version",
    ),
]
