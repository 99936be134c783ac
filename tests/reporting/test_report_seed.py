"""A past meeting with everything a report reads, including what must never go public: an
internal card, a private personal action, a card with a first name but published without it,
and a card still waiting for approval. Other report tests build on `seed_report`."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from tests.builders import make_card, make_harvest_meeting, make_meeting, make_person, phase
from wijkdialoog.agenda.models import Agenda, AgendaItem
from wijkdialoog.dialogues.models import Meeting, Series
from wijkdialoog.harvest.models import Card
from wijkdialoog.reporting import reports
from wijkdialoog.reporting.models import Report
from wijkdialoog.synthesis.models import CardTheme, Highlight, Theme

# What public formats must show.
THEME_NAME = "Samen de straat groen maken"
HIGHLIGHT = "Sinds de buurtmaaltijd groet iedereen elkaar"
DREAM = "Een moestuin op het plein voor iedereen"
AGENDA_ITEM = "Meer bankjes bij de speeltuin"
MINORITY_NEEDS = "Eerst overleg met de bewoners van het hofje"
CONCERN = "Ouderen voelen zich niet veilig in het donker"
CONSENTED_NAME = "Marloes"
CONTEXT = "We wilden weten wat de buurt samen wil doen"
RECOMMENDATION = "Organiseer elke maand een buurtmaaltijd"
# What public formats must never show.
INTERNAL_CARD = "Conflict tussen twee buren op nummer zeven"
PRIVATE_ACTION = "Ik ga mijn schulden aanpakken bij de bank"
HIDDEN_NAME = "Geheimnaam"
PENDING_CARD = "Nog niet goedgekeurde kaart over de wijkagent"
SECRETS = (INTERNAL_CARD, PRIVATE_ACTION, HIDDEN_NAME, PENDING_CARD)


@dataclass
class Seeded:
    meeting: Meeting
    series: Series
    report: Report
    internal_card: Card


def seed_report(neighbourhood, organiser, *, publish: bool = True) -> Seeded:
    meeting = make_harvest_meeting(neighbourhood, tables=2, days=-2)
    series = meeting.series
    dreaming, doing = phase(meeting, 3), phase(meeting, 4)
    public = make_card(meeting, HIGHLIGHT, phase=phase(meeting, 2), first_name=CONSENTED_NAME)
    make_card(meeting, DREAM, phase=dreaming, kind="dream")
    make_card(
        meeting,
        "Iedereen doet mee met de schoonmaakdag",
        phase=dreaming,
        kind="experience",
        publication=Card.Publication.ANONYMOUS,
        first_name=HIDDEN_NAME,
    )
    make_card(meeting, CONCERN, phase=dreaming, kind="concern")
    make_card(meeting, "Een vraag aan de gemeente over verlichting", phase=doing, kind="question")
    internal = make_card(
        meeting, INTERNAL_CARD, phase=dreaming, publication=Card.Publication.INTERNAL
    )
    make_card(
        meeting,
        PRIVATE_ACTION,
        phase=doing,
        kind="action",
        owner=make_person(neighbourhood.organisation, first_name="Karel"),
        shared=False,
    )
    make_card(meeting, PENDING_CARD, phase=dreaming, status=Card.Status.PENDING)
    theme = Theme.objects.create(series=series, name=THEME_NAME, curated=True)
    CardTheme.objects.create(card=public, series=series, theme=theme, confirmed=True)
    CardTheme.objects.create(card=internal, series=series, theme=theme, confirmed=True)
    Highlight.objects.create(card=public, series=series, for_public=True)
    Highlight.objects.create(card=internal, series=series, for_public=False)
    agenda = Agenda.objects.create(
        series=series, title="Wijkagenda", published_at=timezone.now() - datetime.timedelta(hours=1)
    )
    AgendaItem.objects.create(
        agenda=agenda,
        title=AGENDA_ITEM,
        divisive=True,
        minority_view="Een paar buren willen het plein rustig houden",
        minority_needs=MINORITY_NEEDS,
    )
    # The next round, published.
    make_meeting(series, days=30, venue=meeting.venue)
    actor = organiser.person.user
    reports.save_texts(
        subject=meeting, actor=actor, context=CONTEXT, recommendations=RECOMMENDATION
    )
    if publish:
        reports.publish(subject=meeting, actor=actor)
    report = Report.objects.get(meeting=meeting)
    return Seeded(meeting=meeting, series=series, report=report, internal_card=internal)


def test_the_seed_holds_cards_of_every_visibility(neighbourhood, organiser):
    seeded = seed_report(neighbourhood, organiser)

    assert seeded.report.is_published
    assert Card.objects.filter(meeting=seeded.meeting).count() == 8
    assert Card.objects.public().filter(meeting=seeded.meeting).count() == 5
