"""The courses in the browser, on a 360 px phone and on a desktop, every page checked with axe:
the public course page, and the organiser's session form refusing an end before the start with
the message next to the field and the input kept."""

import pytest

from tests.builders import make_membership, make_venue
from tests.learning.course_builders import make_course, make_session

PHONE_WIDTH = 360


def fits(phone) -> bool:
    return phone.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH


@pytest.fixture
def course(organisation):
    course = make_course(
        organisation,
        title="Training dialoogbegeleider",
        for_whom="Bewoners die een tafel willen begeleiden",
        price_cents=2500,
        price_note="De gemeente betaalt.",
    )
    make_session(course, venue=make_venue(organisation), title="Luisteren en vragen")
    make_session(course, days=14, number=2)
    return course


def test_the_public_course_page_reads_on_a_phone(phone, course, organisation):
    phone.goto(f"/leergang/{organisation.slug}/")
    phone.click_and_wait(f"#course-{course.pk} h2 a")
    assert phone.locator("h1").inner_text() == "Training dialoogbegeleider"
    assert "€ 25,00" in phone.locator("#price").inner_text()
    assert "12 plaatsen vrij" in phone.locator("main").inner_text()
    assert fits(phone)


def test_the_public_course_page_on_a_desktop(page, course, organisation):
    page.goto(f"/leergang/{organisation.slug}/{course.pk}/")
    assert "Je leidt een gesprek aan tafel." in page.locator("#learning-goals").inner_text()


def test_a_session_ending_before_it_starts_is_refused_on_a_phone(phone, course, organiser):
    phone.log_in(organiser.person.user)
    phone.goto(f"/beheer/leergang/{course.pk}/")
    phone.click_and_wait("#add-session")
    phone.fill("#id_title", "Oefenen met een tafel")
    phone.fill("#id_starts_at", "2031-03-04T13:00")
    phone.fill("#id_ends_at", "2031-03-04T09:00")
    phone.fill("#id_online_link", "https://meet.example.org/les")
    phone.fill("#id_capacity", "10")
    phone.click_and_wait("#session-form button[type=submit]")
    assert "eindigen na het begin" in phone.locator("#id_ends_at_error").inner_text()
    assert phone.locator("#id_title").input_value() == "Oefenen met een tafel"
    assert phone.locator("#id_starts_at").input_value() == "2031-03-04T13:00"
    assert fits(phone)

    phone.fill("#id_ends_at", "2031-03-04T16:00")
    phone.click_and_wait("#session-form button[type=submit]")
    assert course.sessions.count() == 3
    assert "Oefenen met een tafel" in phone.locator("#sessions").inner_text()


def test_the_course_form_keeps_the_input_on_a_desktop(page, organisation, organiser):
    make_membership(organisation, "trainer", first_name="Marieke", email="m@example.org")
    page.log_in(organiser.person.user)
    page.goto("/beheer/leergang/")
    page.click_and_wait("#new-course")
    page.select_option("#id_kind", "masterclass")
    page.fill("#id_title", "Masterclass Gemeenschapskracht")
    page.fill("#id_price", "veel")
    page.click_and_wait("#course-form button[type=submit]")
    assert page.locator("#id_learning_goals_error").count() == 1
    assert page.locator("#id_price_error").count() == 1
    assert page.locator("#id_title").input_value() == "Masterclass Gemeenschapskracht"
    page.fill("#id_learning_goals", "Je ziet wat een buurt zelf kan.")
    page.fill("#id_price", "45,50")
    page.check("text=Marieke")
    page.click_and_wait("#course-form button[type=submit]")
    assert "Marieke" in page.locator("#trainers").inner_text()
