"""The sessions (dagdelen) and materials of a course: add, change, remove; for organisers and
trainers of the course's organisation."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wijkdialoog.core.access import require
from wijkdialoog.core.forms import show_domain_error

from ..courses import add_material, remove_session, save_session
from ..courses_forms import MaterialForm, SessionForm
from ..models import Course, CourseSession
from .courses import managed_course


def _managed_session(request: HttpRequest, pk: int) -> CourseSession:
    session = get_object_or_404(CourseSession.objects.select_related("course__organisation"), pk=pk)
    require(request, "learning.manage_courses", session)
    return session


@require_http_methods(["GET", "POST"])
def session_add(request: HttpRequest, pk: int) -> HttpResponse:
    course = managed_course(request, pk)
    return _session_form(request, course, CourseSession(course=course))


@require_http_methods(["GET", "POST"])
def session_edit(request: HttpRequest, pk: int) -> HttpResponse:
    session = _managed_session(request, pk)
    return _session_form(request, session.course, session)


def _session_form(request: HttpRequest, course: Course, session: CourseSession) -> HttpResponse:
    form = SessionForm(request.POST or None, instance=session, course=course)
    if request.method == "POST" and form.is_valid():
        try:
            save_session(session=form.save(commit=False), actor=request.user)
        except ValidationError as error:
            show_domain_error(form, error)
        else:
            messages.success(request, _("The session has been saved."))
            return redirect("course-manage", course.pk)
    return render(
        request,
        "learning/session_form.html",
        {"form": form, "course": course, "session": session},
        status=400 if form.errors else 200,
    )


@require_POST
def session_remove(request: HttpRequest, pk: int) -> HttpResponse:
    session = _managed_session(request, pk)
    course = session.course
    remove_session(session=session, actor=request.user)
    messages.success(request, _("The session has been removed."))
    return redirect("course-manage", course.pk)


@require_http_methods(["GET", "POST"])
def material_add(request: HttpRequest, pk: int) -> HttpResponse:
    course = managed_course(request, pk)
    form = MaterialForm(request.POST or None, request.FILES or None, course=course)
    if request.method == "POST" and form.is_valid():
        add_material(material=form.save(commit=False), actor=request.user)
        messages.success(request, _("The material has been added."))
        return redirect("course-manage", course.pk)
    return render(
        request,
        "learning/session_material_form.html",
        {"form": form, "course": course},
        status=400 if form.errors else 200,
    )


urlpatterns: list[URLPattern] = [
    path("beheer/leergang/<int:pk>/dagdelen/nieuw/", session_add, name="session-add"),
    path("beheer/leergang/dagdelen/<int:pk>/bewerken/", session_edit, name="session-edit"),
    path("beheer/leergang/dagdelen/<int:pk>/verwijderen/", session_remove, name="session-remove"),
    path("beheer/leergang/<int:pk>/materiaal/", material_add, name="material-add"),
]
