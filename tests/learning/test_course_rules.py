"""Every course permission, tested directly for every persona, and every organiser page opened
by every persona: organisers and trainers of the organisation manage, others are denied."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.builders import make_venue
from tests.conftest import PERSONAS, expect_denied
from tests.rules_table import case_ids, check_rule
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.learning.models import CourseMaterial, CourseSession

from .course_builders import make_course, make_session

CASES = [
    ("learning.manage_courses", "organisation", {"organiser", "trainer"}),
    ("learning.manage_courses", "course", {"organiser", "trainer"}),
    ("learning.manage_courses", "session", {"organiser", "trainer"}),
    ("learning.manage_courses", "material", {"organiser", "trainer"}),
    ("learning.manage_courses", None, set()),
]
MANAGERS = {"organiser", "trainer"}


@pytest.fixture
def course(organisation):
    return make_course(organisation)


@pytest.fixture
def session(course):
    return make_session(course)


@pytest.fixture
def material(course):
    return CourseMaterial.objects.create(course=course, title="Werkblad", link="https://ex.org")


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("permission", "subject", "allowed"), CASES, ids=case_ids(CASES))
def test_the_rule_allows_exactly_these_personas(
    db, request, user_for, persona, permission, subject, allowed
):
    check_rule(request, user_for, persona, permission, subject, allowed)


def test_the_course_pages_open_for_organisers_and_trainers_only(course, session, assert_access):
    for url in (
        reverse("course-manage", args=[course.pk]),
        reverse("course-edit", args=[course.pk]),
        reverse("session-add", args=[course.pk]),
        reverse("session-edit", args=[session.pk]),
        reverse("material-add", args=[course.pk]),
    ):
        assert_access(url, allowed=MANAGERS)


def test_the_course_list_opens_for_who_manages_courses_somewhere(course, assert_access):
    # The outsider organises their own organisation: they see its (empty) list, not ours.
    assert_access(reverse("course-list"), allowed=MANAGERS | {"outsider"})
    assert_access(reverse("course-create"), allowed=MANAGERS | {"outsider"})


def test_the_outsider_sees_only_their_own_courses(course, client_for):
    response = client_for("outsider").get(reverse("course-list"))
    assert course.title not in response.content.decode()
    assert client_for("organiser").get(reverse("course-list")).status_code == 200


def test_only_managers_may_remove_a_session(course, user_for):
    for persona in PERSONAS:
        session = make_session(course)
        client = Client()
        if persona != "anonymous":
            client.force_login(user_for(persona))
        response = client.post(reverse("session-remove", args=[session.pk]))
        if persona in MANAGERS:
            assert response.status_code == 302, persona
            assert not CourseSession.objects.filter(pk=session.pk).exists(), persona
        else:
            expect_denied(response, persona)
            assert CourseSession.objects.filter(pk=session.pk).exists(), persona
    assert AuditEntry.objects.filter(action="course.session_removed").count() == len(MANAGERS)


def test_only_managers_may_save_a_session(course, organisation, assert_access):
    venue = make_venue(organisation)
    data = {
        "number": 1,
        "starts_at": "2031-03-04T09:00",
        "ends_at": "2031-03-04T12:00",
        "venue": venue.pk,
        "capacity": 10,
    }
    assert_access(
        reverse("session-add", args=[course.pk]),
        allowed=MANAGERS,
        method="post",
        data=data,
        status=302,
    )
    assert course.sessions.count() == 2


@pytest.fixture
def leergang(organisation):
    from wijkdialoog.learning.models import Leergang

    return Leergang.objects.create(organisation=organisation, name="Leergang Wijkdialoog")


def test_the_leergang_pages_open_for_organisers_and_trainers_only(leergang, assert_access):
    assert_access(reverse("leergang-edit", args=[leergang.pk]), allowed=MANAGERS)
    assert_access(reverse("leergang-create"), allowed=MANAGERS | {"outsider"})


def test_a_trainer_saves_a_leergang_and_it_is_audited(leergang, client_for):
    response = client_for("trainer").post(
        reverse("leergang-edit", args=[leergang.pk]),
        {"name": "Leergang Wijkdialoog", "name_en": "Learning path", "description": "Drie keer"},
    )
    assert response.status_code == 302
    leergang.refresh_from_db()
    assert leergang.name_en == "Learning path"
    assert AuditEntry.objects.filter(action="course.leergang_saved").count() == 1
    empty = client_for("organiser").post(reverse("leergang-create"), {"name": ""})
    assert empty.status_code == 400
    assert "name" in empty.context["form"].errors
