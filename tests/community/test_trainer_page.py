"""Trainers find the training list in the menu, and their My page links it with counts."""

import pytest
from django.urls import reverse

from tests.builders import make_membership
from tests.conftest import PERSONAS

MENU_LINK = 'href="{url}"'


@pytest.fixture
def facilitators(organisation, facilitator):
    """Fenna (the facilitator persona) is trained; two more are not, one role is inactive."""
    make_membership(organisation, "facilitator", first_name="Gijs", email="gijs@example.org")
    make_membership(organisation, "facilitator", first_name="Hanna", email="hanna@example.org")
    make_membership(
        organisation,
        "facilitator",
        first_name="Ivo",
        email="ivo@example.org",
        trained=True,
        is_active=False,
    )


def test_a_trainers_my_page_links_the_training_list_with_counts(
    client_for, trainer, facilitators, organisation
):
    html = client_for("trainer").get(reverse("my-page")).content.decode()

    section = html.split('id="my-training"', 1)[1].split("</section>", 1)[0]
    assert organisation.name in section
    assert "1 dialoogbegeleider is getraind" in section
    assert "2 dialoogbegeleiders zijn nog niet getraind" in section
    assert reverse("training-list") in section


def test_a_trainer_without_facilitators_sees_zero_counts(client_for, trainer):
    html = client_for("trainer").get(reverse("my-page")).content.decode()
    assert "0 dialoogbegeleiders zijn getraind" in html


@pytest.mark.parametrize("persona", ["organiser", "facilitator", "partner", "outsider"])
def test_only_trainers_get_the_training_section_on_my_page(client_for, persona, facilitators):
    html = client_for(persona).get(reverse("my-page")).content.decode()
    assert 'id="my-training"' not in html


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_menu_links_the_training_list_for_trainers_and_organisers(db, client_for, persona):
    html = client_for(persona).get(reverse("home")).content.decode()
    nav = html.split("<nav", 1)[1].split("</nav>", 1)[0]
    shown = MENU_LINK.format(url=reverse("training-list")) in nav
    assert shown == (persona in ("trainer", "organiser", "outsider"))


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_training_list_opens_for_trainers_and_organisers_only(client_for, persona):
    response = client_for(persona).get(reverse("training-list"))
    expected = {"anonymous": 302, "facilitator": 403, "partner": 403}.get(persona, 200)
    assert response.status_code == expected


def test_the_trainers_my_page_takes_a_fixed_number_of_queries(
    client_for, trainer, organisation, django_assert_max_num_queries
):
    client = client_for("trainer")
    with django_assert_max_num_queries(30) as few:
        client.get(reverse("my-page"))
    for n in range(6):
        make_membership(
            organisation,
            "facilitator",
            first_name=f"F{n}",
            email=f"f{n}@example.org",
            trained=bool(n % 2),
        )
    with django_assert_max_num_queries(len(few)):
        client.get(reverse("my-page"))
