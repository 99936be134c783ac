"""The database guards of courses: a session starts before it ends and has places; a material
is a file or a link; every model knows its organisation."""

import pytest
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from wijkdialoog.learning.models import CourseMaterial, CourseSession

from .course_builders import make_course, make_session


@pytest.fixture
def course(organisation):
    return make_course(organisation)


def test_a_session_must_start_before_it_ends(course):
    session = make_session(course)
    with pytest.raises(IntegrityError), transaction.atomic():
        CourseSession.objects.filter(pk=session.pk).update(ends_at=session.starts_at)


def test_a_session_has_at_least_one_place(course):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_session(course, capacity=0)


def test_a_material_is_a_file_or_a_link_not_both_nor_neither(course):
    with pytest.raises(IntegrityError), transaction.atomic():
        CourseMaterial.objects.create(course=course, title="Niets")
    with pytest.raises(IntegrityError), transaction.atomic():
        material = CourseMaterial(course=course, title="Beide", link="https://example.org/a")
        material.file.save("a.pdf", ContentFile(b"%PDF-1.4"), save=True)
    assert CourseMaterial.objects.create(course=course, title="Link", link="https://example.org")


def test_every_model_knows_its_organisation_and_scopes_by_it(course, other_organisation):
    session = make_session(course)
    material = CourseMaterial.objects.create(course=course, title="L", link="https://example.org")
    for obj in (course, session, material):
        assert obj.organisation_id == course.organisation_id
    assert list(CourseSession.objects.for_organisation(course.organisation)) == [session]
    assert not CourseSession.objects.for_organisation(other_organisation).exists()
    assert list(CourseMaterial.objects.for_organisation(course.organisation)) == [material]


def test_sessions_come_in_time_order(course):
    later = make_session(course, days=14, number=2)
    sooner = make_session(course, days=7, number=1)
    assert list(course.sessions.all()) == [sooner, later]
    assert sooner.places_left == sooner.capacity


def test_the_price_reads_in_euros(course):
    course.price_cents = 4550
    assert course.price_euros == "€ 45,50"
    course.price_cents = None
    assert course.price_euros == ""
