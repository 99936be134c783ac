import pytest

from tests.builders import make_meeting, make_method, seat
from wijkdialoog.harvest import running


@pytest.fixture
def method(db):
    return make_method()


@pytest.fixture
def meeting(neighbourhood, method):
    return make_meeting(neighbourhood, default_method=method, seats=(8, 8), days=0, hours=-0.5)


@pytest.fixture
def table(meeting, facilitator):
    """Table 1, facilitated by the `facilitator` persona."""
    table = meeting.tables.get(number=1)
    table.facilitator = facilitator.person
    table.save()
    return table


@pytest.fixture
def other_facilitator(organisation):
    from tests.builders import make_membership

    return make_membership(
        organisation, "facilitator", first_name="Frits", email="frits@example.org", trained=True
    )


@pytest.fixture
def people(table):
    return [seat(table, name) for name in ("Anna", "Bram", "Cem")]


@pytest.fixture
def run(table, people, facilitator):
    return running.start_run(table=table, actor=facilitator.person.user)
