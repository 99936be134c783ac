"""The published neighbourhood story for everyone: a page to read and print, and as a PDF."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import path
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from wijkdialoog.core import pdf
from wijkdialoog.dialogues.models import Series

from .. import story
from ..story import StoryText


def _published(organisation: str, neighbourhood: str, pk: int) -> StoryText:
    """The version the public sees; a series without one has no story page (404)."""
    series = get_object_or_404(
        Series.objects.select_related("neighbourhood", "organisation"),
        pk=pk,
        neighbourhood__slug=neighbourhood,
        organisation__slug=organisation,
    )
    version = story.online_version(series)
    if version is None:
        raise Http404
    return story.published_stories([version])[0]


@require_GET
def story_public(
    request: HttpRequest, organisation: str, neighbourhood: str, pk: int
) -> HttpResponse:
    published = _published(organisation, neighbourhood, pk)
    series = published.series
    return render(
        request,
        "synthesis/story_public.html",
        {
            "story": published,
            "series": series,
            "neighbourhood": series.neighbourhood,
            "can_edit": request.user.has_perm("synthesis.edit_story", series),
        },
    )


@require_GET
def story_pdf(request: HttpRequest, organisation: str, neighbourhood: str, pk: int) -> HttpResponse:
    published = _published(organisation, neighbourhood, pk)
    series = published.series
    content = pdf.render(
        "synthesis/story_pdf.html",
        {"story": published, "series": series, "neighbourhood": series.neighbourhood},
    )
    name = slugify(f"verhaal {series.neighbourhood.name} {series.pk}")
    return pdf.response(content, f"{name}.pdf", download=True)


urlpatterns = [
    path(
        "wijk/<slug:organisation>/<slug:neighbourhood>/verhaal/<int:pk>/",
        story_public,
        name="story-public",
    ),
    path(
        "wijk/<slug:organisation>/<slug:neighbourhood>/verhaal/<int:pk>/pdf/",
        story_pdf,
        name="story-pdf",
    ),
]
