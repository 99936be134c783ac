"""Who came against who lives there: distinct people, the CBS age groups with the old answers
kept apart, reach per channel, and sentences that name who is missing."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.builders import make_channel, make_meeting, make_registration, make_series
from wijkdialoog.registrations.models import Channel, Registration
from wijkdialoog.reporting import participation
from wijkdialoog.reporting import population as figures
from wijkdialoog.reporting.population_file import read_figures

from .population_data import KERSENBUURT, fixture_bytes

Status = Registration.Status


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


@pytest.fixture
def series(neighbourhood):
    return make_series(neighbourhood)


@pytest.fixture
def kersenbuurt_figures(neighbourhood, organiser):
    return figures.import_population(
        neighbourhood=neighbourhood,
        figures=read_figures(fixture_bytes()),
        region_code=KERSENBUURT,
        year=2024,
        actor=organiser.person.user,
        file_name="kwb.csv",
    )


def came(meeting, ages: dict[str, int], *, channel=None, **extra) -> list[Registration]:
    """Checked-in registrations of new people: `count` people per age group."""
    made = []
    for age_group, count in ages.items():
        for _ in range(count):
            made.append(
                make_registration(
                    meeting,
                    f"P{Registration.objects.count()}",
                    age_group=age_group,
                    checked_in=True,
                    channel=channel,
                    **extra,
                )
            )
    return made


def test_the_age_groups_compare_with_the_neighbourhood(series, kersenbuurt_figures):
    meeting = make_meeting(series, days=-7)
    came(meeting, {"15-24": 1, "25-44": 6, "45-64": 5, "65+": 8})

    who = participation.for_series(series)

    assert who.participants == 20
    assert [(row.label, row.count) for row in who.ages] == [
        ("younger than 15", 0),
        ("15 to 45", 7),
        ("45 to 65", 5),
        ("65 or older", 8),
    ]
    assert who.ages[1].share == 35.0
    # 870 + 1690 of the 6240 inhabitants.
    assert who.ages[1].population_share == 41.0
    assert who.missing == [
        "Children younger than 15: 16% of the neighbourhood, 0% of the participants.",
        "Young people from 15 to 25: 14% of the neighbourhood, fewer than 5 of the participants.",
    ]
    assert who.age_chart is not None
    assert who.age_chart.labels == ("younger than 15", "15 to 45", "45 to 65", "65 or older")
    assert [name for name, _values in who.age_chart.series] == ["Neighbourhood", "Participants"]


def test_a_group_of_five_or_more_is_named_with_its_share(series, kersenbuurt_figures):
    meeting = make_meeting(series, days=-7)
    came(meeting, {"15-24": 5, "25-44": 30, "45-64": 30, "65+": 35})

    who = participation.for_series(series)

    assert "Young people from 15 to 25: 14% of the neighbourhood, 5% of the participants." in (
        who.missing
    )


def test_people_count_once_and_only_when_they_came(series, kersenbuurt_figures):
    first, second = make_meeting(series, days=-30), make_meeting(series, days=-2)
    regulars = came(first, {"65+": 5})
    for registration in regulars:
        make_registration(second, registration.person, age_group="65+", checked_in=True)
    # Registered at a meeting with check-in, but did not come.
    make_registration(second, "Noshow", age_group="15-24")
    make_registration(second, "Cancelled", age_group="15-24", status=Status.CANCELLED)
    # A meeting still to come counts nobody yet.
    came(make_meeting(series, days=5), {"15-24": 9})

    assert participation.for_series(series).participants == 5


def test_at_a_meeting_without_check_in_everyone_confirmed_came(series):
    meeting = make_meeting(series, days=-3)
    for number in range(6):
        make_registration(meeting, f"Anna{number}", age_group="25-44")

    assert participation.for_meeting(meeting).participants == 6


def test_old_age_groups_stay_apart_except_75_plus_which_is_inside_65_plus(
    series, kersenbuurt_figures
):
    meeting = make_meeting(series, days=-7)
    came(meeting, {"18-34": 3, "55-74": 3, "75+": 5, "25-44": 5, "": 1})

    who = participation.for_series(series)

    assert who.participants == 17
    assert who.age_unknown == 7
    assert [(row.label, row.count) for row in who.ages][-1] == ("65 or older", 5)


def test_fewer_than_five_people_show_no_breakdown(series, kersenbuurt_figures):
    came(make_meeting(series, days=-7), {"65+": 4})

    who = participation.for_series(series)

    assert who.too_few
    assert (who.ages, who.relations, who.first_times, who.missing) == ([], [], [], [])
    assert who.age_chart is None


def test_without_population_figures_the_participants_still_show(series):
    came(make_meeting(series, days=-7), {"25-44": 5, "65+": 5})

    who = participation.for_series(series)

    assert who.population is None
    assert who.missing == []
    assert all(row.population_share is None for row in who.ages)
    assert [name for name, _values in who.age_chart.series] == ["Participants"]


def test_reach_per_channel_groups_small_channels(series):
    meeting = make_meeting(series, days=-7)
    poster = make_channel(series, Channel.Kind.POSTER)
    flyer = make_channel(series, Channel.Kind.FLYER)
    door = make_channel(series, Channel.Kind.DOOR_TO_DOOR)
    came(meeting, {"25-44": 6}, channel=poster)
    came(meeting, {"25-44": 3}, channel=flyer)
    came(meeting, {"25-44": 2}, channel=door)

    who = participation.for_series(series)

    assert [(row.label, row.count) for row in who.channels] == [
        ("poster", 6),
        ("other (fewer than 5 each)", 5),
    ]
    assert who.channel_chart is not None
    assert who.channel_chart.labels == ("poster", "other (fewer than 5 each)")
    # No population figures: no reach per inhabitant.
    assert who.reached == 11
    assert who.reached_per_thousand is None


def test_reach_is_also_counted_per_thousand_inhabitants(series, kersenbuurt_figures):
    came(make_meeting(series, days=-7), {"25-44": 12}, channel=make_channel(series))

    who = participation.for_series(series)

    # 12 of 6240 inhabitants.
    assert who.reached_per_thousand == 1.9


def test_when_the_small_channels_stay_below_five_a_larger_one_joins_them(series):
    meeting = make_meeting(series, days=-7)
    came(meeting, {"25-44": 6}, channel=make_channel(series, Channel.Kind.POSTER))
    came(meeting, {"25-44": 3}, channel=make_channel(series, Channel.Kind.FLYER))
    came(meeting, {"25-44": 1}, channel=make_channel(series, Channel.Kind.DOOR_TO_DOOR))

    who = participation.for_series(series)

    assert [(row.label, row.count) for row in who.channels] == [("other", 10)]


def test_relation_and_first_time_are_counted_per_person(series):
    meeting = make_meeting(series, days=-7)
    came(meeting, {"25-44": 6}, relation="resident", first_time=True)
    came(meeting, {"25-44": 2}, relation="professional", first_time=False)
    came(meeting, {"25-44": 3}, relation="volunteer", first_time=False)

    who = participation.for_series(series)

    assert [(row.label, row.count) for row in who.relations] == [
        ("I live here", 6),
        ("other (fewer than 5 each)", 5),
    ]
    assert [(row.label, row.count) for row in who.first_times] == [
        ("first time", 6),
        ("came before", 5),
    ]


def test_who_did_not_answer_is_left_out_and_one_group_of_everyone_is_not_shown(series):
    meeting = make_meeting(series, days=-7)
    came(meeting, {"25-44": 12}, relation="resident", first_time=True)
    came(meeting, {"25-44": 2}, relation="volunteer", first_time=False)
    came(meeting, {"25-44": 4}, relation="", first_time=None)

    who = participation.for_series(series)

    # 12 residents and 2 volunteers: the 2 must not show, and "everyone" says nothing.
    assert who.relations == []
    # Of the 14 who said, 12 came for the first time: the 2 join them in "other".
    assert who.first_times == []
    assert who.participants == 18


def test_the_series_page_shows_who_came_to_the_organiser(
    client_for, series, kersenbuurt_figures, django_assert_max_num_queries
):
    came(make_meeting(series, days=-7), {"15-24": 1, "25-44": 6, "45-64": 5, "65+": 8})
    client = client_for("organiser")
    url = reverse("series-detail", args=[series.pk])

    with translation.override("nl"):
        page = client.get(url).content.decode()

    assert 'id="who-came-panel"' in page
    assert "Jongeren van 15 tot 25: 14% van de buurt, minder dan 5 van de deelnemers." in page
    assert "reporting/charts.css" in page


def test_who_came_asks_the_database_a_fixed_number_of_times(
    series, kersenbuurt_figures, django_assert_max_num_queries
):
    for days in (-30, -20, -10):
        meeting = make_meeting(series, days=days)
        came(meeting, {"25-44": 6, "65+": 6}, channel=make_channel(series))

    with django_assert_max_num_queries(4):
        participation.for_series(series)


def test_the_charts_of_who_came_carry_no_inline_style_for_the_content_security_policy(
    series, kersenbuurt_figures
):
    came(make_meeting(series, days=-7), {"25-44": 6, "65+": 6}, channel=make_channel(series))

    who = participation.for_series(series)

    for chart in (who.age_chart, who.channel_chart):
        assert chart is not None
        assert "style=" not in str(chart.svg)
