"""Shared data for the harvest-in-one-place tests: one series of the test organisation with two
past meetings (two tables, a Dutch method) and a planned unpublished one, cards of every
publication level, and a series of another organisation with an internal card."""

from dataclasses import dataclass

from tests.builders import (
    PHASES_NL,
    make_card,
    make_meeting,
    make_method,
    make_person,
    make_series,
)
from wijkdialoog.community.models import Neighbourhood
from wijkdialoog.dialogues.models import Meeting, Series
from wijkdialoog.harvest.models import Card

Publication = Card.Publication


@dataclass
class Harvest:
    series: Series
    first: Meeting
    second: Meeting
    planned: Meeting
    cards: dict[str, Card]
    other_series: Series
    other_card: Card


def _meeting(series, method, *, days, published=True):
    return make_meeting(series, days=days, published=published, method=method, seats=(8, 8))


def build_harvest(organisation, neighbourhood, other_organisation) -> Harvest:
    method = make_method(organisation, phases=PHASES_NL)
    series = make_series(neighbourhood, theme="Samen in de Kersenbuurt")
    first = _meeting(series, method, days=-14)
    second = _meeting(series, method, days=-1)
    planned = _meeting(series, method, days=20, published=False)
    owner = make_person(organisation, first_name="Ayla")
    table_1, table_2 = first.tables.order_by("number")
    dreams = method.phases.get(position=3)
    doing = method.phases.get(position=4)

    def card(key, text, meeting=first, **extra):
        return key, make_card(meeting, text, **extra)

    cards = dict(
        [
            card(
                "public",
                "Een moestuin op het plein",
                phase=dreams,
                kind="dream",
                first_name="Anna",
                table=table_1,
            ),
            card(
                "anonymous",
                "Meer bankjes in het park",
                phase=dreams,
                kind="idea",
                first_name="Bram",
                publication=Publication.ANONYMOUS,
                table=table_2,
            ),
            card(
                "internal",
                "Overlast bij de flat aan de Kerslaan",
                kind="concern",
                first_name="Cem",
                publication=Publication.INTERNAL,
                table=table_2,
            ),
            card(
                "pending",
                "Een buurtfeest in juni",
                status=Card.Status.PENDING,
                first_name="Dina",
                table=table_1,
            ),
            card("rejected", "Iets wat niet mag", status=Card.Status.REJECTED, table=table_1),
            card(
                "private_action",
                "Ik ga mijn buurvrouw helpen",
                phase=doing,
                kind="action",
                owner=owner,
                table=table_1,
            ),
            card(
                "shared_action",
                "Ik maak de moestuin schoon",
                phase=doing,
                kind="action",
                owner=owner,
                shared=True,
                table=table_1,
            ),
            card(
                "question",
                "Kan de gemeente het plein vergroenen?",
                meeting=second,
                kind="question",
                publication=Publication.ANONYMOUS,
            ),
            card(
                "planned",
                "Kaart van een bijeenkomst die nog komt",
                meeting=planned,
                publication=Publication.PUBLIC,
            ),
        ]
    )
    other_neighbourhood = Neighbourhood.objects.create(
        organisation=other_organisation, name="Elderswijk", slug="elderswijk"
    )
    other_series = make_series(other_neighbourhood, theme="Elders")
    other_meeting = _meeting(other_series, make_method(other_organisation), days=-3)
    other_card = make_card(
        other_meeting, "Geheim van een andere organisatie", publication=Publication.INTERNAL
    )
    return Harvest(series, first, second, planned, cards, other_series, other_card)
