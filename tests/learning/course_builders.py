"""Builders for the course tests: a course with sessions, in the test organisation."""

import datetime

from django.utils import timezone

from wijkdialoog.learning.models import Course, CourseKind, CourseSession


def make_course(organisation, *, title="Training dialoogbegeleider", published=True, **extra):
    fields = {
        "kind": CourseKind.FACILITATOR_TRAINING,
        "learning_goals": "Je leidt een gesprek aan tafel.",
        **extra,
    }
    return Course.objects.create(
        organisation=organisation, title=title, is_published=published, **fields
    )


def make_session(course, *, days=7, hours=3, number=1, capacity=12, venue=None, **extra):
    starts = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days)
    return CourseSession.objects.create(
        course=course,
        number=number,
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=hours),
        capacity=capacity,
        venue=venue,
        online_link="" if venue else "https://meet.example.org/les",
        **extra,
    )
