"""The panel registry: apps add panels to places on lower apps' pages, in order."""

import pytest
from django.template import Context, Template

from wijkdialoog.core import landmarks, links
from wijkdialoog.core.panels import panels_for, register_panel, unregister_panel

PLACE = "test-place"


@pytest.fixture
def place():
    yield PLACE
    for panel in panels_for(PLACE):
        unregister_panel(PLACE, template=panel.template)


@pytest.fixture
def templates(settings, tmp_path):
    """Two small panel templates in a folder of their own."""
    (tmp_path / "panels").mkdir()
    (tmp_path / "panels" / "first.html").write_text("[first {{ name }}{{ extra|default:'' }}]")
    (tmp_path / "panels" / "second.html").write_text("[second {{ name }}]")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]


def render(place, **context):
    return Template('{% load panels %}{% panels "' + place + '" %}').render(Context(context))


def test_an_empty_place_renders_nothing(place):
    assert render(place, name="Anna") == ""


def test_panels_render_in_their_order_with_the_page_context(place, templates):
    register_panel(place, template="panels/second.html", order=20)
    register_panel(place, template="panels/first.html", order=10)

    assert render(place, name="Anna") == "[first Anna][second Anna]"


def test_a_panel_adds_its_own_context_and_may_stay_away(place, templates):
    register_panel(place, template="panels/first.html", context=lambda page: {"extra": "!"})
    register_panel(place, template="panels/second.html", condition=lambda page: page["name"])

    assert render(place, name="Anna") == "[first Anna!][second Anna]"
    assert render(place, name="") == "[first !]"


def test_registering_a_template_again_replaces_it(place, templates):
    register_panel(place, template="panels/first.html", order=10)
    register_panel(place, template="panels/first.html", order=30)

    assert [panel.order for panel in panels_for(place)] == [30]


def test_the_panel_context_does_not_leak_into_the_rest_of_the_page(place, templates):
    register_panel(place, template="panels/first.html", context=lambda page: {"extra": "!"})
    page = Template('{% load panels %}{% panels "test-place" %}<{{ extra }}>')

    assert page.render(Context({"name": "Anna"})) == "[first Anna!]<>"


@pytest.mark.parametrize(
    ("place", "templates_of_apps"),
    [
        ("meeting-manage", ["registrations", "harvest", "followup", "followup", "reporting"]),
        ("meeting-manage-links", ["harvest", "synthesis"]),
        ("meeting-manage-table", ["harvest"]),
        ("meeting-public", ["registrations", "followup"]),
        ("meeting-public-past", ["harvest", "reporting", "followup", "synthesis"]),
        (
            "series-actions",
            [
                "outreach",
                "harvest",
                "synthesis",
                "synthesis",
                "synthesis",
                "agenda",
                "followup",
                "followup",
                "followup",
                "followup",
                "reporting",
            ],
        ),
        ("neighbourhood-public", ["reporting", "synthesis", "agenda", "followup", "followup"]),
        ("series", ["followup", "followup", "followup", "reporting", "reporting"]),
        ("neighbourhood-manage", ["reporting"]),
        ("facilitator-run-phase", ["followup"]),
        ("harvest-card-tools", ["followup"]),
        ("harvest-card-public", ["followup"]),
        ("wijkagenda-compose-item", ["followup", "followup"]),
        ("meeting-registrations-actions", ["seating"]),
        ("check-in", ["seating"]),
        ("dashboard", ["dialogues", "harvest", "synthesis", "reporting", "learning", "learning"]),
        ("my-page", ["harvest", "learning", "community", "followup", "followup", "harvest"]),
        ("registration-manage", ["harvest"]),
        ("main-menu", ["community"]),
        ("footer-links", ["learning", "community"]),
    ],
)
def test_the_apps_fill_the_places_of_lower_pages_in_their_ready(place, templates_of_apps):
    assert [panel.template.split("/")[0] for panel in panels_for(place)] == templates_of_apps


def test_the_home_and_privacy_pages_are_provided_by_the_site_app(client, db):
    assert client.get("/").status_code == 200
    assert client.get("/privacy/").status_code == 200


def test_a_landmark_without_a_view_is_not_found(rf):
    from django.http import Http404

    with pytest.raises(Http404):
        landmarks.landmark("nowhere")(rf.get("/"))


def test_a_link_nobody_provides_is_none():
    assert links.link("nowhere", 1) is None


def test_harvest_provides_where_a_facilitator_leads_a_table():
    class Table:
        pk = 7

    assert links.link("lead-table", Table()) == "/tafel/7/"
