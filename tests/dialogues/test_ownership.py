"""Series and meetings carry their organisation; the planning functions keep it equal to the
neighbourhood's, clean() refuses a mismatch, and every owned model scopes by organisation."""

import datetime
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models import F
from django.utils import timezone

from tests.builders import (
    make_card,
    make_channel,
    make_meeting,
    make_method,
    make_person,
    make_registration,
    make_series,
    make_venue,
)
from wijkdialoog.community.models import Membership, Neighbourhood, Person
from wijkdialoog.dialogues import planning
from wijkdialoog.dialogues.models import Meeting, Series, Table, Venue
from wijkdialoog.harvest import running
from wijkdialoog.harvest.models import Card, Evaluation, Photo, TableRun
from wijkdialoog.methods.models import Method, Phase
from wijkdialoog.outreach.models import EmailOptOut, Invitation
from wijkdialoog.registrations.models import Channel, Registration

ROOT = Path(__file__).resolve().parents[2] / "wijkdialoog"


def assert_owners_agree():
    assert not Series.objects.exclude(organisation=F("neighbourhood__organisation")).exists()
    assert not Meeting.objects.exclude(organisation=F("series__organisation")).exists()


def _meeting_fields(days=10) -> dict:
    starts = timezone.now() + datetime.timedelta(days=days)
    return {"starts_at": starts, "ends_at": starts + datetime.timedelta(hours=3)}


def test_planning_a_series_and_a_meeting_sets_their_organisation(neighbourhood, organisation):
    series = planning.create_series(
        neighbourhood=neighbourhood, actor=None, theme="Erbij horen", slug="erbij", description="."
    )
    meeting = planning.create_meeting(series=series, actor=None, **_meeting_fields())

    assert series.organisation == organisation
    assert meeting.organisation == organisation
    assert_owners_agree()


def test_every_planning_function_keeps_the_owners_equal(neighbourhood, organisation, organiser):
    user = organiser.person.user
    series = planning.create_series(
        neighbourhood=neighbourhood, actor=user, theme="Erbij horen", slug="erbij", description="."
    )
    meeting = planning.create_meeting(series=series, actor=user, **_meeting_fields())
    assert_owners_agree()

    planning.update_meeting(meeting=meeting, actor=user, title="Een nieuwe titel")
    planning.save_table(meeting=meeting, actor=user, number=1, seats=8)
    assert_owners_agree()

    rietveld = Neighbourhood.objects.create(organisation=organisation, name="Rietveld", slug="rv")
    series = planning.update_series(series=series, actor=user, neighbourhood=rietveld)
    planning.cancel_meeting(meeting=meeting, actor=user)
    assert_owners_agree()


def test_moving_a_series_takes_its_meetings_along_to_the_new_owner(
    neighbourhood, other_organisation
):
    series = make_series(neighbourhood)
    meeting = make_meeting(series)
    elsewhere = Neighbourhood.objects.create(
        organisation=other_organisation, name="Elders", slug="elders"
    )
    series = planning.update_series(series=series, actor=None, neighbourhood=elsewhere)

    meeting.refresh_from_db()
    assert series.organisation == other_organisation
    assert meeting.organisation == other_organisation
    assert_owners_agree()


def test_a_series_of_another_organisation_than_its_neighbourhood_is_refused(
    neighbourhood, other_organisation
):
    series = Series(
        organisation=other_organisation, neighbourhood=neighbourhood, theme="T", slug="t"
    )
    with pytest.raises(ValidationError, match="organisation of its neighbourhood"):
        series.full_clean()


def test_a_meeting_of_another_organisation_than_its_series_is_refused(
    neighbourhood, other_organisation
):
    meeting = Meeting(
        organisation=other_organisation, series=make_series(neighbourhood), **_meeting_fields()
    )
    with pytest.raises(ValidationError, match="organisation of its series"):
        meeting.full_clean()


def test_a_series_made_without_its_organisation_is_refused(neighbourhood):
    with pytest.raises(ValidationError):
        Series(neighbourhood=neighbourhood, theme="T", slug="t", description=".").full_clean()


@pytest.fixture
def two_worlds(neighbourhood, other_organisation, facilitator, outsider):
    """The same kinds of rows in two organisations."""
    other_neighbourhood = Neighbourhood.objects.create(
        organisation=other_organisation, name="Elders", slug="elders"
    )
    for place, membership in ((neighbourhood, facilitator), (other_neighbourhood, outsider)):
        organisation = place.organisation
        meeting = make_meeting(place, days=0, hours=-0.5)
        table = meeting.tables.get()
        make_registration(meeting, "Anna", table=table)
        make_card(meeting, "Een bankje in het park", table=table)
        running.start_run(table=table, actor=membership.person.user)
        Evaluation.objects.create(table=table, rating=Evaluation.Rating.GOOD)
        Photo.objects.create(meeting=meeting, table=table, image="harvest/photo.png")
        channel = make_channel(meeting.series)
        Invitation.objects.create(channel=channel, email="buur@example.org")
        EmailOptOut.objects.create(organisation=organisation, email="nee@example.org")
        make_method(organisation)
        make_venue(organisation)
        make_person(organisation, first_name="Els")


OWNED = [
    Neighbourhood,
    Person,
    Membership,
    Venue,
    Series,
    Meeting,
    Table,
    Registration,
    Channel,
    Invitation,
    EmailOptOut,
    Method,
    Phase,
    TableRun,
    Card,
    Photo,
    Evaluation,
]


@pytest.mark.parametrize("model", OWNED, ids=lambda model: model.__name__)
def test_for_organisation_gives_only_the_rows_of_that_organisation(
    model, two_worlds, organisation, other_organisation
):
    mine = list(model.objects.for_organisation(organisation))
    theirs = list(model.objects.for_organisation(other_organisation))

    assert mine, f"no {model.__name__} in the first organisation"
    assert theirs, f"no {model.__name__} in the other organisation"
    assert {row.organisation_id for row in mine} == {organisation.pk}
    assert {row.organisation_id for row in theirs} == {other_organisation.pk}


def test_no_code_reaches_the_organisation_through_the_neighbourhood_of_a_series():
    # Only where the owner is set and checked may a series look at its neighbourhood's owner.
    chains = ("series__neighbourhood__organisation", "meeting.series.neighbourhood.organisation")
    found = [
        f"{path.relative_to(ROOT)}: {chain}"
        for path in ROOT.rglob("*")
        if path.suffix in {".py", ".html", ".txt"} and "migrations" not in path.parts
        for chain in chains
        if chain in path.read_text()
    ]
    assert found == []


@pytest.mark.django_db(transaction=True)
def test_the_migration_fills_the_organisation_from_the_neighbourhood_and_goes_back():
    before = [("dialogues", "0003_english_public_texts")]
    after = [("dialogues", "0005_series_and_meeting_organisation_required")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    executor.loader.build_graph()
    apps = executor._create_project_state(with_applied_migrations=True).apps
    organisation = apps.get_model("community", "Organisation").objects.create(
        name="Oud", slug="oud", privacy_email="p@example.org"
    )
    place = apps.get_model("community", "Neighbourhood").objects.create(
        organisation=organisation, name="Oud-West", slug="oud-west"
    )
    series = apps.get_model("dialogues", "Series").objects.create(
        neighbourhood=place, theme="T", slug="t", description="."
    )
    apps.get_model("dialogues", "Meeting").objects.create(series=series, **_meeting_fields())

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)

    assert Series.objects.get(pk=series.pk).organisation_id == organisation.pk
    assert Meeting.objects.get(series_id=series.pk).organisation_id == organisation.pk
    executor = MigrationExecutor(connection)
    executor.migrate(before)  # and back: the fields go again
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)
    # Back to the newest state of every app: apps that depend on later dialogues migrations
    # (synthesis) were unapplied on the way back, and the next tests need their tables.
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
