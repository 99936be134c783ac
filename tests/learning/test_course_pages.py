"""The course pages at work: the course form in Dutch and English with its trainers, sessions
with their errors next to the field, materials with their file checks, every change audited."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.builders import make_membership, make_venue
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.learning import courses_forms
from wijkdialoog.learning.models import Course, CourseKind, CourseMaterial

from .course_builders import make_course, make_session

COURSE = {
    "kind": CourseKind.MASTERCLASS,
    "title": "Masterclass Gemeenschapskracht",
    "title_en": "Masterclass community strength",
    "learning_goals": "Je ziet wat een buurt zelf kan.",
    "learning_goals_en": "You see what a neighbourhood can do.",
    "for_whom": "Dialoogbegeleiders",
    "price": "45,50",
    "price_note": "De gemeente betaalt.",
    "is_published": "on",
}


@pytest.fixture
def course(organisation):
    return make_course(organisation)


def test_an_organiser_creates_a_course_with_its_trainers_in_two_languages(
    client_for, trainer, organisation
):
    other_trainer = make_membership(organisation, "trainer", first_name="Tom", email="t@ex.org")
    response = client_for("organiser").post(
        reverse("course-create"), {**COURSE, "trainers": [trainer.person.pk]}
    )
    assert response.status_code == 302, response.context["form"].errors
    course = Course.objects.get()
    assert response["Location"] == reverse("course-manage", args=[course.pk])
    assert course.organisation == organisation
    assert course.title_en == "Masterclass community strength"
    assert course.price_cents == 4550
    assert list(course.trainers.all()) == [trainer.person]
    assert other_trainer.person not in course.trainers.all()
    entry = AuditEntry.objects.get(action="course.created")
    assert entry.payload == {"published": True, "trainers": 1}


def test_only_trainers_of_the_organisation_can_be_chosen(client_for, facilitator, outsider):
    response = client_for("organiser").post(
        reverse("course-create"), {**COURSE, "trainers": [facilitator.person.pk]}
    )
    assert response.status_code == 400
    assert not Course.objects.exists()
    form = response.context["form"]
    assert "trainers" in form.errors
    assert facilitator.person not in form.fields["trainers"].queryset


def test_a_trainer_changes_a_course_and_the_history_says_so(client_for, course):
    response = client_for("trainer").post(
        reverse("course-edit", args=[course.pk]), {**COURSE, "price": ""}
    )
    assert response.status_code == 302
    course.refresh_from_db()
    assert course.title == COURSE["title"]
    assert course.price_cents is None
    assert AuditEntry.objects.filter(action="course.changed").count() == 1


def test_a_session_that_ends_before_it_starts_is_refused_next_to_the_field(client_for, course):
    response = client_for("organiser").post(
        reverse("session-add", args=[course.pk]),
        {
            "number": 1,
            "starts_at": "2031-03-04T12:00",
            "ends_at": "2031-03-04T09:00",
            "online_link": "https://meet.example.org/les",
            "capacity": 0,
        },
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert errors["ends_at"] == ["Het dagdeel moet eindigen na het begin."]
    assert "capacity" in errors
    assert 'value="2031-03-04T12:00"' in response.content.decode()
    assert not course.sessions.exists()


def test_a_session_needs_a_venue_or_an_online_link(client_for, course):
    response = client_for("organiser").post(
        reverse("session-add", args=[course.pk]),
        {
            "number": 1,
            "starts_at": "2031-03-04T09:00",
            "ends_at": "2031-03-04T12:00",
            "capacity": 8,
        },
    )
    assert response.status_code == 400
    assert response.context["form"].errors["venue"] == [
        "Kies een plek, of geef een link voor online."
    ]


def test_a_venue_of_another_organisation_cannot_be_chosen(client_for, course, other_organisation):
    venue = make_venue(other_organisation)
    response = client_for("organiser").post(
        reverse("session-add", args=[course.pk]),
        {
            "number": 1,
            "starts_at": "2031-03-04T09:00",
            "ends_at": "2031-03-04T12:00",
            "venue": venue.pk,
            "capacity": 8,
        },
    )
    assert response.status_code == 400
    assert "venue" in response.context["form"].errors


def test_a_session_is_changed_and_audited(client_for, course, organisation):
    session = make_session(course, venue=make_venue(organisation))
    response = client_for("trainer").post(
        reverse("session-edit", args=[session.pk]),
        {
            "number": 1,
            "title": "Luisteren",
            "starts_at": "2031-03-04T09:00",
            "ends_at": "2031-03-04T12:00",
            "online_link": "https://meet.example.org/les",
            "capacity": 14,
        },
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert (session.title, session.capacity, session.venue) == ("Luisteren", 14, None)
    assert session.starts_at.tzinfo is not None
    assert AuditEntry.objects.filter(action="course.session_changed").count() == 1


def test_a_material_file_is_checked_and_stored(client_for, course):
    client = client_for("organiser")
    url = reverse("material-add", args=[course.pk])
    bad = client.post(url, {"title": "Virus", "file": SimpleUploadedFile("x.exe", b"MZ")})
    assert bad.status_code == 400
    assert "file" in bad.context["form"].errors
    both = client.post(
        url,
        {
            "title": "Beide",
            "file": SimpleUploadedFile("a.pdf", b"%PDF-1.4"),
            "link": "https://ex.org",
        },
    )
    assert both.status_code == 400
    good = client.post(url, {"title": "Werkblad", "file": SimpleUploadedFile("w.pdf", b"%PDF")})
    assert good.status_code == 302
    material = CourseMaterial.objects.get()
    assert material.file.name.endswith(".pdf")
    assert material.added_by is not None
    assert AuditEntry.objects.filter(action="course.material_added").count() == 1


def test_a_material_larger_than_the_limit_is_refused(client_for, course, monkeypatch):
    monkeypatch.setattr(courses_forms, "MAX_MATERIAL_BYTES", 10)
    response = client_for("organiser").post(
        reverse("material-add", args=[course.pk]),
        {"title": "Groot", "file": SimpleUploadedFile("groot.pdf", b"%PDF" + b"x" * 20)},
    )
    assert response.status_code == 400
    assert response.context["form"].errors["file"] == [
        "Dit bestand is 24\xa0bytes. Het mag hoogstens 20 MB zijn."
    ]
    assert not CourseMaterial.objects.exists()


def test_the_course_list_reads_in_few_queries(
    client_for, organisation, django_assert_max_num_queries
):
    for number in range(6):
        course = make_course(organisation, title=f"Cursus {number}")
        make_session(course)
        make_session(course, days=14, number=2)
    client = client_for("organiser")
    with django_assert_max_num_queries(12):
        response = client.get(reverse("course-list"))
    assert response.content.decode().count('id="course-') == 6


def test_the_course_page_reads_in_few_queries(
    client_for, course, organisation, django_assert_max_num_queries
):
    venue = make_venue(organisation)
    for number in range(5):
        session = make_session(course, number=number + 1, days=number + 1, venue=venue)
        CourseMaterial.objects.create(course=course, session=session, title="L", link="https://e.o")
    client = client_for("organiser")
    with django_assert_max_num_queries(14):
        response = client.get(reverse("course-manage", args=[course.pk]))
    assert response.content.decode().count('id="session-') == 5
