"""The demo: the Leergang Wijkdialoog with its three courses and a 3-day Buurtkracht training for
a wijkteam, given by the demo trainer, who sees the sessions on My page."""

from django.urls import reverse

from wijkdialoog.core.models import AuditEntry
from wijkdialoog.learning.models import Course, CourseKind, Leergang
from wijkdialoog.site.management.commands.demo import load_demo


def test_the_demo_has_a_leergang_and_a_buurtkracht_training(client, db):
    context = load_demo()
    trainer = context["people"]["trainer"]
    leergang = Leergang.objects.get(name="Leergang Wijkdialoog")
    assert sorted(course.kind for course in leergang.courses.all()) == sorted(
        [CourseKind.INTRODUCTION, CourseKind.FACILITATOR_TRAINING, CourseKind.MASTERCLASS]
    )
    training = leergang.courses.get(kind=CourseKind.FACILITATOR_TRAINING)
    assert training.sessions.count() == 3
    assert "Gemeenschapskracht in de praktijk" in leergang.courses.get(kind="masterclass").title

    buurtkracht = Course.objects.get(kind=CourseKind.WIJKTEAM_3_DAYS)
    assert buurtkracht.leergang is None
    assert buurtkracht.sessions.count() == 3
    assert "Oasis" in buurtkracht.learning_goals
    assert all(list(course.trainers.all()) == [trainer] for course in Course.objects.all())
    assert AuditEntry.objects.filter(action="course.created").count() == 4

    slug = context["organisation"].slug
    public = client.get(reverse("courses-public", args=[slug])).content.decode()
    assert "Leergang Wijkdialoog" in public
    assert buurtkracht.title not in public

    client.force_login(trainer.user)
    my_page = client.get(reverse("my-page")).content.decode()
    assert my_page.count('id="my-session-') == 8
    assert client.get(reverse("course-list")).status_code == 200
