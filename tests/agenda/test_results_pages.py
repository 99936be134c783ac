"""The results pages: consensus first, then each group, then what divides; an accessible map."""

import re

from django.urls import reverse

from tests.agenda.organiser_data import make_agenda, make_voter
from tests.agenda.results_data import analysed
from tests.builders import make_series
from wijkdialoog.agenda.models import Voter


def test_the_public_results_show_consensus_groups_and_divisive_in_that_order(client, neighbourhood):
    agenda = make_agenda(make_series(neighbourhood), closed=True)
    analysed(agenda)
    page = client.get(reverse("agenda-results", args=[agenda.token])).content.decode()
    assert "11 mensen hebben gestemd" in page or "11 people voted" in page
    consensus = page.index('id="consensus"')
    group = page.index('id="group-0-heading"')
    divisive = page.index('id="divisive"')
    assert consensus < group < divisive
    assert "91%" in page  # 10 of 11 agree with the first statement


def test_the_opinion_map_is_accessible_and_has_its_data_as_a_table(client, neighbourhood):
    agenda = make_agenda(make_series(neighbourhood), closed=True)
    analysed(agenda)
    page = client.get(reverse("agenda-results", args=[agenda.token])).content.decode()
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    assert svg.count("<circle") == 6  # group A: circles
    assert svg.count("<rect") == 1 + 5  # the frame, and group B: squares
    assert 'id="map-table"' in page
    assert not re.search(r"\d+,\d+\"", svg)  # numbers in SVG never use a decimal comma


def test_the_results_never_name_a_voter(client, neighbourhood):
    agenda = make_agenda(make_series(neighbourhood), closed=True)
    analysed(agenda)
    voter = make_voter(agenda, 4242)
    Voter.objects.filter(pk=voter.pk).update(token_hash="f" * 64)
    page = client.get(reverse("agenda-results", args=[agenda.token])).content.decode()
    assert "4242" not in page and "f" * 64 not in page


def test_the_public_results_stay_hidden_while_voting_is_open(client, neighbourhood):
    agenda = make_agenda(make_series(neighbourhood))
    analysed(agenda)
    assert client.get(reverse("agenda-results", args=[agenda.token])).status_code == 404


def test_the_organiser_sees_the_results_while_voting_is_open(client_for, neighbourhood):
    agenda = make_agenda(make_series(neighbourhood))
    analysed(agenda)
    page = client_for("organiser").get(reverse("agenda-results-manage", args=[agenda.pk]))
    assert page.status_code == 200 and 'id="opinion-map"' in page.content.decode()


def test_without_an_analysis_the_page_says_there_are_no_results(client_for, neighbourhood):
    agenda = make_agenda(make_series(neighbourhood))
    page = client_for("organiser").get(reverse("agenda-results-manage", args=[agenda.pk]))
    assert 'id="no-results"' in page.content.decode()
    assert 'id="compute"' in page.content.decode()


def test_the_results_pages_use_a_fixed_number_of_queries(
    client, neighbourhood, django_assert_max_num_queries
):
    agenda = make_agenda(make_series(neighbourhood), closed=True)
    analysed(agenda)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("agenda-results", args=[agenda.token])).status_code == 200
