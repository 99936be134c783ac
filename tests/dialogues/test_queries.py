"""List pages cost the same number of queries for 2 rows as for 20."""

from django.urls import reverse

from tests.builders import (
    make_meeting,
    make_person,
    make_registration,
    make_series,
    make_table,
    make_venue,
)
from wijkdialoog.community.models import Neighbourhood


def _fill(neighbourhood, organisation, count, prefix):
    venue = make_venue(organisation, name=f"{prefix} plek")
    for n in range(count):
        series = make_series(neighbourhood, theme=f"{prefix} {n}", slug=f"{prefix}-{n}")
        for days in (-20, 10, 40):
            meeting = make_meeting(series, days=days + n, venue=venue)
            make_table(meeting, number=1)
            make_table(meeting, number=2, seats=6)
            make_registration(meeting, make_person(organisation, first_name="Buur"))


def _count_queries(django_assert_max_num_queries, client, url, limit):
    with django_assert_max_num_queries(limit):
        response = client.get(url)
    assert response.status_code == 200
    return response


def test_the_series_list_has_a_fixed_number_of_queries(
    client_for, neighbourhood, organisation, django_assert_max_num_queries
):
    client = client_for("organiser")
    _fill(neighbourhood, organisation, 2, "a")
    _count_queries(django_assert_max_num_queries, client, reverse("series-list"), 5)
    _fill(neighbourhood, organisation, 8, "b")
    response = _count_queries(django_assert_max_num_queries, client, reverse("series-list"), 5)
    assert len(response.context["series_list"]) == 10


def test_the_venue_list_has_a_fixed_number_of_queries(
    client_for, neighbourhood, organisation, django_assert_max_num_queries
):
    client = client_for("organiser")
    _fill(neighbourhood, organisation, 1, "a")
    _count_queries(django_assert_max_num_queries, client, reverse("venue-list"), 5)
    for n in range(10):
        make_venue(organisation, name=f"Plek {n}")
    response = _count_queries(django_assert_max_num_queries, client, reverse("venue-list"), 5)
    assert len(response.context["venues"]) == 11


def test_the_neighbourhood_page_has_a_fixed_number_of_queries(
    client, neighbourhood, organisation, django_assert_max_num_queries
):
    url = reverse("neighbourhood-public", args=[organisation.slug, neighbourhood.slug])
    _fill(neighbourhood, organisation, 1, "a")
    # Three of dialogues, one of the story panel (synthesis) that looks for published stories,
    # one of the wijkagenda panel (agenda) that looks for a published wijkagenda,
    # two of the progress panel (followup): the public agreements and the public initiatives,
    # each with its latest update, one of the decisions panel (followup) that lists the decisions
    # made, with their chosen option and initiative, one of the reports panel (reporting) that
    # lists the published reports.
    _count_queries(django_assert_max_num_queries, client, url, 9)
    _fill(neighbourhood, organisation, 6, "b")
    response = _count_queries(django_assert_max_num_queries, client, url, 9)
    assert len(response.context["upcoming"]) == 14


def test_the_home_page_has_a_fixed_number_of_queries(
    client, neighbourhood, organisation, django_assert_max_num_queries
):
    _fill(neighbourhood, organisation, 1, "a")
    other = Neighbourhood.objects.create(organisation=organisation, name="Rietveld", slug="riet")
    _fill(other, organisation, 5, "b")
    response = _count_queries(django_assert_max_num_queries, client, reverse("home"), 1)
    assert len(response.context["upcoming"]) == 12


def test_the_series_page_has_a_fixed_number_of_queries(
    client_for, neighbourhood, organisation, django_assert_max_num_queries
):
    client = client_for("organiser")
    _fill(neighbourhood, organisation, 1, "a")
    series = neighbourhood.series.get()
    for days in range(60, 300, 30):
        meeting = make_meeting(series, days=days)
        make_table(meeting)
    url = reverse("series-detail", args=[series.pk])
    # One is the story panel (synthesis) asking whether a story is published. Four are the
    # follow-up panel (followup): the personal actions per owner, who was asked, the answers,
    # the help requests; one the kerngroep panel (followup): its members and its open and overdue
    # tasks, each counted in a subquery. Four are the timeline (followup): published wijkagendas,
    # agreements, their status changes, initiatives; its meetings are the page's own list of
    # them (`lookback.series_meetings`), so they cost no query of their own. Three are who came
    # (reporting): the registrations of those who came, the neighbourhood's population figures,
    # and the registrations per channel. One is the evaluation panel (reporting): the series'
    # evaluations.
    response = _count_queries(django_assert_max_num_queries, client, url, 25)
    assert len(response.context["meetings"]) == 11
