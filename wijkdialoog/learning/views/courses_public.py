"""The public course pages of an organisation: its published courses with their sessions, and a
course's own page. No login; no personal data (trainers are not named)."""

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import URLPattern, path
from django.utils import timezone

from wijkdialoog.community.models import Organisation

from ..models import Course, CourseSession


def _published(organisation: Organisation) -> QuerySet[Course]:
    upcoming = CourseSession.objects.filter(ends_at__gte=timezone.now()).select_related("venue")
    return (
        Course.objects.filter(organisation=organisation)
        .filter(is_published=True)
        .select_related("leergang")
        .prefetch_related(Prefetch("sessions", queryset=upcoming, to_attr="upcoming_sessions"))
        .order_by("leergang__name", "title", "pk")
    )


def courses_public(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    return render(
        request,
        "learning/courses_public.html",
        {"organisation": organisation, "courses": list(_published(organisation))},
    )


def course_public(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    course = get_object_or_404(_published(organisation), pk=pk)
    return render(
        request,
        "learning/course_public.html",
        {"organisation": organisation, "course": course},
    )


urlpatterns: list[URLPattern] = [
    path("leergang/<slug:slug>/", courses_public, name="courses-public"),
    path("leergang/<slug:slug>/<int:pk>/", course_public, name="course-public"),
]
