"""What it did for people: evaluations summed up per meeting, series and organisation, with
nothing shown of fewer than five people, Kom erbij before and after, charts with a text
alternative, and the organiser's pages (series panel and /beheer/evaluatie/)."""

import uuid

import pytest
from django.urls import reverse

from tests.builders import make_meeting, make_series
from wijkdialoog.harvest import capture, evaluations
from wijkdialoog.reporting import evaluation

LONELY = dict.fromkeys(
    ("scale_emptiness", "scale_miss_people", "scale_rejected"), "yes"
) | dict.fromkeys(("scale_rely_on", "scale_trust", "scale_close"), "no")
NOT_LONELY = dict.fromkeys(
    ("scale_emptiness", "scale_miss_people", "scale_rejected"), "no"
) | dict.fromkeys(("scale_rely_on", "scale_trust", "scale_close"), "yes")


@pytest.fixture
def series(neighbourhood, organiser):
    series = make_series(neighbourhood)
    evaluations.set_kom_erbij(series=series, ask=True, actor=organiser.person.user)
    return series


@pytest.fixture
def first(series):
    return make_meeting(series, days=-60, seats=(8, 8))


@pytest.fixture
def later(series):
    return make_meeting(series, days=-2, seats=(8,))


def evaluate(meeting, count, *, rating=3, grade=None, scale=None, **outcomes):
    table = meeting.tables.first()
    for _ in range(count):
        capture.add_evaluation(
            table=table,
            client_id=uuid.uuid4(),
            rating=rating,
            grade=grade,
            takeaway="Nieuwe buren",
            scale=scale,
            **outcomes,
        )


def test_fewer_than_five_evaluations_show_only_their_number(first):
    evaluate(first, 4, grade=9, met_someone_new="yes")
    summary = evaluation.for_meeting(first)
    assert summary.count == 4
    assert not summary.shown
    assert summary.grade_average is None and summary.outcomes == [] and summary.charts == []


def test_five_evaluations_give_averages_shares_and_charts(first):
    evaluate(first, 3, rating=4, grade=8, met_someone_new="yes", view_changed="no")
    evaluate(first, 2, rating=2, met_someone_new="no")
    summary = evaluation.for_meeting(first)

    assert summary.shown
    assert summary.rating_average == 3.2
    assert summary.grade_average == 8.0 and summary.grade_count == 3
    spoke = summary.outcomes[0]
    assert (spoke.yes, spoke.answered, spoke.percent) == (3, 5, 60)
    changed = summary.outcomes[2]
    assert (changed.yes, changed.answered, changed.percent) == (0, 3, 0)
    assert summary.outcomes[3].percent is None
    assert summary.takeaway_count == 5
    assert [count for _label, count in summary.ratings] == [0, 2, 0, 3]
    assert all(chart.description and 'role="img"' in chart.svg for chart in summary.charts)
    # No inline style: the content security policy forbids it.
    assert not any("style=" in chart.svg for chart in summary.charts)


def test_kom_erbij_compares_the_first_meeting_with_later_ones(first, later):
    evaluate(first, 5, scale=LONELY)
    evaluate(first, 1, scale=NOT_LONELY)
    evaluate(later, 2, scale=LONELY)
    evaluate(later, 3, scale=NOT_LONELY)

    scale = evaluation.for_series(first.series).kom_erbij

    assert scale.before.respondents == 6 and scale.before.shown
    assert scale.before.average_total == 5.0
    assert scale.before.percent_lonely == 83
    assert scale.after.respondents == 5 and scale.after.average_total == 2.4
    assert (scale.after.average_emotional, scale.after.average_social) == (1.2, 1.2)


def test_a_side_of_kom_erbij_with_fewer_than_five_people_shows_nothing(first, later):
    evaluate(first, 5, scale=LONELY)
    evaluate(later, 4, scale=NOT_LONELY)

    summary = evaluation.for_series(first.series)

    assert summary.kom_erbij.after.respondents == 4
    assert not summary.kom_erbij.after.shown
    assert summary.kom_erbij.after.average_total is None
    assert summary.kom_erbij.after.percent_lonely is None
    assert not any("Kom erbij" in chart.title for chart in summary.charts)


def test_the_include_shows_the_numbers_but_never_a_small_group(client_for, first, later):
    evaluate(first, 5, grade=7, scale=LONELY)
    evaluate(later, 3, scale=NOT_LONELY)

    page = client_for("organiser").get(reverse("series-detail", args=[first.series.pk]))
    html = page.content.decode()

    assert 'id="series-evaluation"' in html
    assert "Kom erbij" in html
    assert "Fewer than 5 people: not shown" in html or "Minder dan 5 mensen" in html
    assert "charts.css" in html


def test_the_organisation_page_sums_up_every_series(client_for, first, neighbourhood):
    other = make_meeting(neighbourhood, days=-3)
    evaluate(first, 5, grade=6, met_someone_new="yes")
    evaluate(other, 2, grade=10)

    summary = evaluation.for_organisation(neighbourhood.organisation)
    assert summary.count == 7 and summary.grade_average == 7.1

    page = client_for("organiser").get(reverse("evaluation-overview"))
    html = page.content.decode()
    assert page.status_code == 200
    assert str(first.series) in html and str(other.series) in html
    assert 'id="what-it-did-figures"' in html


def test_the_dashboard_links_to_the_organisation_page(client_for, organisation):
    html = client_for("organiser").get(reverse("dashboard")).content.decode()
    assert reverse("evaluation-overview") in html


def test_the_summaries_read_the_evaluations_in_one_query(django_assert_num_queries, first, later):
    evaluate(first, 20, grade=7, scale=LONELY, met_someone_new="yes")
    evaluate(later, 20, grade=8, scale=NOT_LONELY)
    organisation = first.organisation
    with django_assert_num_queries(1):
        evaluation.for_series(first.series)
    with django_assert_num_queries(2):
        evaluation.per_series(organisation)


def test_the_organisation_page_does_not_grow_with_more_series(
    client_for, django_assert_max_num_queries, neighbourhood
):
    for _ in range(6):
        evaluate(make_meeting(neighbourhood, days=-3), 5, grade=7)
    client = client_for("organiser")
    with django_assert_max_num_queries(12):
        assert client.get(reverse("evaluation-overview")).status_code == 200


def test_who_may_see_the_organisation_page(assert_access, organisation):
    # The outsider organises elsewhere: they see their own organisation's page.
    assert_access(reverse("evaluation-overview"), allowed={"organiser", "outsider"})


def test_an_organiser_elsewhere_sees_none_of_these_evaluations(client_for, first):
    evaluate(first, 5, grade=7)
    html = client_for("outsider").get(reverse("evaluation-overview")).content.decode()
    assert str(first.series) not in html
    assert 'id="what-it-did-too-few"' in html
