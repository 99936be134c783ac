"""The public course pages: published courses with their coming sessions and places, a course's
own page in Dutch and English, nothing unpublished, nothing personal."""

import pytest
from django.urls import reverse

from tests.builders import make_venue
from wijkdialoog.learning.models import CourseMaterial

from .course_builders import make_course, make_session


@pytest.fixture
def course(organisation, trainer):
    course = make_course(
        organisation,
        title="Training dialoogbegeleider",
        title_en="Facilitator training",
        learning_goals_en="You lead a table talk.",
        for_whom="Bewoners",
        price_note="De gemeente betaalt.",
    )
    course.trainers.add(trainer.person)
    return course


def test_the_list_shows_published_courses_with_their_coming_sessions(client, course, organisation):
    venue = make_venue(organisation, name="Buurthuis De Kers")
    coming = make_session(course, venue=venue, capacity=12)
    past = make_session(course, days=-7, number=2)
    hidden = make_course(organisation, title="Geheime cursus", published=False)
    page = client.get(reverse("courses-public", args=[organisation.slug])).content.decode()
    assert "Training dialoogbegeleider" in page
    assert f'id="session-{coming.pk}"' in page
    assert f'id="session-{past.pk}"' not in page
    assert "Buurthuis De Kers" in page
    assert "12 plaatsen vrij" in page
    assert hidden.title not in page


def test_an_unpublished_course_or_one_of_another_organisation_is_not_found(
    client, organisation, other_organisation, course
):
    hidden = make_course(organisation, title="Geheim", published=False)
    assert (
        client.get(reverse("course-public", args=[organisation.slug, hidden.pk])).status_code == 404
    )
    other = reverse("course-public", args=[other_organisation.slug, course.pk])
    assert client.get(other).status_code == 404
    assert client.get(reverse("courses-public", args=["bestaat-niet"])).status_code == 404


def test_the_course_page_names_no_one_and_offers_no_materials(client, course, trainer):
    CourseMaterial.objects.create(course=course, title="Werkblad", link="https://ex.org/w")
    make_session(course)
    page = client.get(reverse("course-public", args=[course.organisation.slug, course.pk]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Je leidt een gesprek aan tafel." in text
    assert "De gemeente betaalt." in text
    assert trainer.person.first_name not in text
    assert "Werkblad" not in text


def test_the_course_page_speaks_english_when_asked(client, course):
    url = reverse("course-public", args=[course.organisation.slug, course.pk])
    text = client.get(url, headers={"accept-language": "en"}).content.decode()
    assert "Facilitator training" in text
    assert "You lead a table talk." in text
    assert "What you learn" in text


def test_the_public_list_reads_in_few_queries(client, organisation, django_assert_max_num_queries):
    venue = make_venue(organisation)
    for number in range(6):
        course = make_course(organisation, title=f"Cursus {number}")
        make_session(course, venue=venue)
        make_session(course, days=14, number=2, venue=venue)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("courses-public", args=[organisation.slug]))
    assert response.content.decode().count('class="wd-card" id="course-') == 6


def test_the_trainer_sees_their_coming_sessions_on_my_page(client_for, course, organisation):
    coming = make_session(course, venue=make_venue(organisation), title="Luisteren")
    past = make_session(course, days=-3, number=2)
    other = make_session(make_course(organisation, title="Andermans cursus"), days=2)
    page = client_for("trainer").get(reverse("my-page")).content.decode()
    assert 'id="my-sessions"' in page
    assert f'id="my-session-{coming.pk}"' in page
    assert f'id="my-session-{past.pk}"' not in page
    assert f'id="my-session-{other.pk}"' not in page
    assert (
        'id="my-sessions"' not in client_for("facilitator").get(reverse("my-page")).content.decode()
    )


def test_the_dashboard_leads_the_organiser_to_the_courses(client_for, organisation):
    page = client_for("organiser").get(reverse("dashboard")).content.decode()
    assert 'id="courses-panel"' in page
    assert reverse("course-list") in page


def test_a_trainer_without_coming_sessions_still_finds_the_courses(client_for, trainer):
    page = client_for("trainer").get(reverse("my-page")).content.decode()
    assert 'id="my-no-sessions"' in page
    assert reverse("course-list") in page
