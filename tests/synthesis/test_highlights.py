"""Highlights: organisers mark cards as quotes; only public cards may be used in public, and a
card that stops being public drops out of the public highlights at once."""

import pytest
from django.core.exceptions import ValidationError

from tests.synthesis.harvestview_data import build_harvest
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.harvest.models import Card
from wijkdialoog.synthesis.highlights import (
    highlights,
    mark_highlight,
    public_highlights,
    unmark_highlight,
)
from wijkdialoog.synthesis.models import Highlight


@pytest.fixture
def harvest(organisation, neighbourhood, other_organisation):
    return build_harvest(organisation, neighbourhood, other_organisation)


@pytest.fixture
def actor(organiser):
    return organiser.person.user


def test_a_public_card_can_be_a_highlight_for_public_use(harvest, actor):
    card = harvest.cards["public"]

    highlight = mark_highlight(card=card, actor=actor, for_public=True)

    assert highlight.series == harvest.series
    assert list(public_highlights(harvest.series)) == [highlight]
    assert list(highlights(harvest.series)) == [highlight]
    entry = AuditEntry.objects.get(action="highlight.marked")
    assert entry.payload == {"card": card.pk, "for_public": True}


def test_an_internal_card_is_a_highlight_for_internal_use_only(harvest, actor):
    card = harvest.cards["internal"]

    with pytest.raises(ValidationError):
        mark_highlight(card=card, actor=actor, for_public=True)
    highlight = mark_highlight(card=card, actor=actor, for_public=False)

    assert list(highlights(harvest.series)) == [highlight]
    assert list(public_highlights(harvest.series)) == []


@pytest.mark.parametrize("key", ["private_action", "rejected"])
def test_private_actions_and_rejected_cards_are_never_highlights(harvest, actor, key):
    with pytest.raises(ValidationError):
        mark_highlight(card=harvest.cards[key], actor=actor, for_public=False)
    assert not Highlight.objects.exists()


def test_a_card_that_stops_being_public_leaves_the_public_highlights(harvest, actor):
    card = harvest.cards["public"]
    mark_highlight(card=card, actor=actor, for_public=True)

    Card.objects.filter(pk=card.pk).update(publication=Card.Publication.INTERNAL)

    assert list(public_highlights(harvest.series)) == []
    assert [h.card_id for h in highlights(harvest.series)] == [card.pk]


def test_a_highlight_hidden_from_organisers_when_its_card_is_rejected_later(harvest, actor):
    card = harvest.cards["anonymous"]
    mark_highlight(card=card, actor=actor, for_public=True)

    Card.objects.filter(pk=card.pk).update(status=Card.Status.REJECTED)

    assert list(highlights(harvest.series)) == []
    assert list(public_highlights(harvest.series)) == []


def test_a_public_highlight_of_an_unpublished_meeting_stays_off_public_pages(harvest, actor):
    mark_highlight(card=harvest.cards["planned"], actor=actor, for_public=True)

    assert list(public_highlights(harvest.series)) == []
    assert len(highlights(harvest.series)) == 1


def test_changing_and_removing_a_highlight_is_audited(harvest, actor):
    card = harvest.cards["anonymous"]
    mark_highlight(card=card, actor=actor, for_public=False)
    mark_highlight(card=card, actor=actor, for_public=False)
    mark_highlight(card=card, actor=actor, for_public=True)
    unmark_highlight(card=card, actor=actor)
    unmark_highlight(card=card, actor=actor)

    actions = list(AuditEntry.objects.order_by("pk").values_list("action", flat=True))
    assert actions == ["highlight.marked", "highlight.changed", "highlight.removed"]
    assert not Highlight.objects.exists()


def test_highlights_of_a_series_run_in_one_query(harvest, actor, django_assert_num_queries):
    for key in ("public", "anonymous", "internal", "shared_action"):
        mark_highlight(card=harvest.cards[key], actor=actor, for_public=False)

    with django_assert_num_queries(1):
        cards = [(h.card.text, h.card.meeting.pk, h.card.table) for h in highlights(harvest.series)]
    assert len(cards) == 4
