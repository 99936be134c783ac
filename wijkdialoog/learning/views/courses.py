"""The organiser's and trainer's course pages: the list of leergangen and courses, a course's
page with its sessions and materials, and the course form (Dutch and English)."""

from django.contrib import messages
from django.db.models import Count, Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wijkdialoog.community.access import current_organisation
from wijkdialoog.community.models import Organisation, Role
from wijkdialoog.core.access import require

from ..courses import save_course
from ..courses_forms import CourseForm
from ..models import Course, CourseSession, Leergang


def managing_organisation(request: HttpRequest) -> Organisation:
    organisation: Organisation | None = current_organisation(request, Role.ORGANISER, Role.TRAINER)
    require(request, "learning.manage_courses", organisation)
    if organisation is None:  # pragma: no cover - the permission needs an organisation
        raise Http404
    return organisation


def managed_course(request: HttpRequest, pk: int) -> Course:
    course = get_object_or_404(Course.objects.select_related("organisation", "leergang"), pk=pk)
    require(request, "learning.manage_courses", course)
    return course


def course_list(request: HttpRequest) -> HttpResponse:
    organisation = managing_organisation(request)
    courses = (
        Course.objects.filter(organisation=organisation)
        .select_related("leergang")
        .annotate(session_count=Count("sessions"))
        .order_by("leergang__name", "title", "pk")
    )
    return render(
        request,
        "learning/course_list.html",
        {
            "organisation": organisation,
            "leergangen": Leergang.objects.filter(organisation=organisation),
            "courses": list(courses),
        },
    )


@require_http_methods(["GET", "POST"])
def course_create(request: HttpRequest) -> HttpResponse:
    organisation = managing_organisation(request)
    course = Course(organisation=organisation)
    return _course_form(request, course, organisation)


@require_http_methods(["GET", "POST"])
def course_edit(request: HttpRequest, pk: int) -> HttpResponse:
    course = managed_course(request, pk)
    return _course_form(request, course, course.organisation)


def _course_form(request: HttpRequest, course: Course, organisation: Organisation) -> HttpResponse:
    form = CourseForm(request.POST or None, instance=course, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        saved = save_course(
            course=form.save(commit=False),
            trainers=form.cleaned_data["trainers"],
            actor=request.user,
        )
        messages.success(request, _("The course has been saved."))
        return redirect("course-manage", saved.pk)
    return render(
        request,
        "learning/course_form.html",
        {"form": form, "course": course, "organisation": organisation},
        status=400 if form.errors else 200,
    )


def course_manage(request: HttpRequest, pk: int) -> HttpResponse:
    course = managed_course(request, pk)
    sessions = CourseSession.objects.filter(course=course).select_related("venue")
    course = Course.objects.prefetch_related(
        "trainers", "materials__session", Prefetch("sessions", queryset=sessions)
    ).get(pk=course.pk)
    return render(
        request,
        "learning/course_manage.html",
        {"course": course},
    )


urlpatterns: list[URLPattern] = [
    path("beheer/leergang/", course_list, name="course-list"),
    path("beheer/leergang/nieuw/", course_create, name="course-create"),
    path("beheer/leergang/<int:pk>/", course_manage, name="course-manage"),
    path("beheer/leergang/<int:pk>/bewerken/", course_edit, name="course-edit"),
]
