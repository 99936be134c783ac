"""Card vectors: made after commit, again when the text changes, retried when the model fails,
and caught up by the sweep; a new card of a series with themes is sorted as it arrives."""

import pytest
from django.core.management import call_command

from tests.builders import make_card, make_harvest_meeting
from tests.synthesis.conftest import by_text
from wijkdialoog.harvest.models import Card
from wijkdialoog.synthesis import vectors
from wijkdialoog.synthesis.engine import embedding
from wijkdialoog.synthesis.models import CardTheme, CardVector

TEXT = "De speeltuin bij de school is te klein voor alle kinderen."


@pytest.fixture
def meeting(neighbourhood):
    return make_harvest_meeting(neighbourhood)


def fail_first(monkeypatch, times: int = 1) -> list[int]:
    """Fault injection: the model raises the first `times` calls, then works again."""
    real = embedding.embed
    calls = [0]

    def flaky(texts):
        calls[0] += 1
        if calls[0] <= times:
            raise RuntimeError("model not available")
        return real(texts)

    monkeypatch.setattr(embedding, "embed", flaky)
    return calls


def test_a_card_is_embedded_after_commit_and_not_before(
    meeting, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        card = make_card(meeting, TEXT)
    assert not CardVector.objects.filter(card=card).exists()
    assert len(callbacks) == 1
    callbacks[0]()
    stored = CardVector.objects.get(card=card)
    assert stored.model == embedding.MODEL_ID
    assert stored.text_hash == embedding.text_hash(TEXT)
    assert len(embedding.from_bytes(stored.vector)) == embedding.DIMENSIONS


def test_a_rolled_back_card_is_never_embedded(meeting, django_capture_on_commit_callbacks):
    from django.db import transaction

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        make_card(meeting, TEXT)
        raise RuntimeError("the capture failed")
    assert callbacks == []
    assert not CardVector.objects.exists()


def test_an_edited_card_gets_a_new_vector(meeting, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        card = make_card(meeting, TEXT)
    old = CardVector.objects.get(card=card).vector
    with django_capture_on_commit_callbacks(execute=True):
        card.text = "Auto's rijden veel te hard door de Kersenstraat."
        card.save()
    stored = CardVector.objects.get(card=card)
    assert stored.text_hash == embedding.text_hash(card.text)
    assert bytes(stored.vector) != bytes(old)


def test_a_save_that_changes_nothing_relevant_queues_nothing(
    meeting, django_capture_on_commit_callbacks
):
    card = make_card(meeting, TEXT)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        card.first_name = "Anna"
        card.save(update_fields=["first_name"])
    assert callbacks == []


def test_a_failed_embedding_keeps_the_card_and_is_retried(
    meeting, monkeypatch, django_capture_on_commit_callbacks
):
    calls = fail_first(monkeypatch, times=1)
    with django_capture_on_commit_callbacks(execute=True):
        card = make_card(meeting, TEXT)
    assert Card.objects.filter(pk=card.pk).exists()
    assert calls[0] == 2
    assert CardVector.objects.get(card=card).text_hash == embedding.text_hash(TEXT)


def test_a_card_whose_embedding_keeps_failing_is_swept_later(
    meeting, monkeypatch, django_capture_on_commit_callbacks
):
    fail_first(monkeypatch, times=10)
    with django_capture_on_commit_callbacks(execute=True):
        card = make_card(meeting, TEXT)
    assert Card.objects.filter(pk=card.pk).exists()
    assert not CardVector.objects.filter(card=card).exists()
    monkeypatch.undo()
    call_command("embed_cards")
    assert CardVector.objects.get(card=card).text_hash == embedding.text_hash(TEXT)


def test_the_sweep_embeds_only_missing_and_stale_vectors(meeting):
    from tests.synthesis.themes_data import store_vector

    fresh = make_card(meeting, TEXT)
    store_vector(fresh)
    old_model = make_card(meeting, "Auto's rijden veel te hard door de Kersenstraat.")
    store_vector(old_model)
    CardVector.objects.filter(card=old_model).update(model="an-older-model", text_hash="old")
    missing = make_card(meeting, "Veel ouderen in de flat zitten alleen thuis en zijn eenzaam.")
    assert vectors.stale_card_ids(Card.objects.all()) == sorted([old_model.pk, missing.pk])
    assert vectors.embed_missing(Card.objects.all()) == 2
    assert vectors.stale_card_ids(Card.objects.all()) == []


def test_a_new_card_of_a_series_with_themes_is_sorted_as_it_arrives(
    suggested, harvest, django_capture_on_commit_callbacks
):
    play = CardTheme.objects.get(card=by_text(harvest, "De speeltuin bij de school")).theme
    with django_capture_on_commit_callbacks(execute=True):
        card = make_card(
            harvest[0].meeting, "De kinderen willen een speeltuin met een klimrek en schommels."
        )
    link = CardTheme.objects.get(card=card)
    assert (link.theme, link.confirmed) == (play, False)
    assert link.confidence > 0
