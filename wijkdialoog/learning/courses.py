"""Saving courses, their sessions and materials, each change audited in its transaction. Views
and the demo call these; enrolment and certification build on the same models later."""

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone

from wijkdialoog.community.models import Organisation, Person, Role
from wijkdialoog.core import audit

from .models import Course, CourseMaterial, CourseSession, Leergang


def trainers_of(organisation: Organisation) -> Any:
    """The people of the organisation who hold the trainer role: who may give a course."""
    return Person.objects.filter(
        organisation=organisation, memberships__role=Role.TRAINER, memberships__is_active=True
    ).order_by("first_name", "last_name", "pk")


@transaction.atomic
def save_leergang(*, leergang: Leergang, actor: Any, actor_label: str = "") -> Leergang:
    leergang.save()
    audit.record(
        actor=actor, actor_label=actor_label, action="course.leergang_saved", subject=leergang
    )
    return leergang


@transaction.atomic
def save_course(
    *, course: Course, trainers: Iterable[Person], actor: Any, actor_label: str = ""
) -> Course:
    """Create or change a course and set its trainers (people of its organisation only)."""
    created = course.pk is None
    course.save()
    chosen = [p for p in trainers if p.organisation_id == course.organisation_id]
    course.trainers.set(chosen)
    audit.record(
        actor=actor,
        actor_label=actor_label,
        action="course.created" if created else "course.changed",
        subject=course,
        payload={"published": course.is_published, "trainers": len(chosen)},
    )
    return course


@transaction.atomic
def save_session(*, session: CourseSession, actor: Any, actor_label: str = "") -> CourseSession:
    created = session.pk is None
    session.full_clean()
    session.save()
    audit.record(
        actor=actor,
        actor_label=actor_label,
        action="course.session_added" if created else "course.session_changed",
        subject=session.course,
        payload={"session": session.pk, "starts_at": session.starts_at.isoformat()},
    )
    return session


@transaction.atomic
def remove_session(*, session: CourseSession, actor: Any) -> None:
    course = session.course
    payload = {"session": session.pk, "starts_at": session.starts_at.isoformat()}
    session.delete()
    audit.record(actor=actor, action="course.session_removed", subject=course, payload=payload)


@transaction.atomic
def add_material(*, material: CourseMaterial, actor: Any) -> CourseMaterial:
    material.added_by = actor if getattr(actor, "is_authenticated", False) else None
    material.save()
    audit.record(
        actor=actor,
        action="course.material_added",
        subject=material.course,
        payload={"material": material.pk, "session": material.session_id},
    )
    return material


def upcoming_sessions_of(person: Person) -> Any:
    """The sessions the person gives as a trainer that have not ended yet, soonest first."""
    return (
        CourseSession.objects.filter(course__trainers=person, ends_at__gte=timezone.now())
        .select_related("course", "venue")
        .distinct()
    )
