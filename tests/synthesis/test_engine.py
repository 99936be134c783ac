"""The synthesis engine without Django: embedding, suggestions, names, guided assignment."""

import numpy as np
import pytest

from wijkdialoog.synthesis.engine import embedding, naming, themes
from wijkdialoog.synthesis.engine.guided import Described, assign_described

TEXTS = [
    "Meer bomen en bloemen in het park",
    "Een moestuin voor de buurt naast de school",
    "De speeltuin heeft nieuwe speeltoestellen nodig",
    "Auto's rijden te hard door de straat",
    "Het fietspad is 's avonds slecht verlicht",
    "Een drempel tegen het harde rijden bij de school",
    "Ik voel me vaak alleen sinds mijn man overleden is",
    "Veel ouderen zien dagenlang niemand",
    "Een koffieochtend zodat eenzame buren iemand spreken",
]


@pytest.fixture(scope="module")
def vectors():
    return embedding.embed(TEXTS)


def test_embed_gives_normalised_float32_rows_that_round_trip_as_bytes(vectors):
    assert vectors.shape == (len(TEXTS), embedding.DIMENSIONS)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-5)
    assert np.array_equal(embedding.from_bytes(embedding.to_bytes(vectors[0])), vectors[0])
    assert embedding.embed([]).shape == (0, embedding.DIMENSIONS)
    assert embedding.text_hash("a  b") == embedding.text_hash("a b") != embedding.text_hash("c")


def test_suggestions_cover_every_card_once_and_are_deterministic_with_a_seed(vectors):
    first = themes.suggest(vectors, TEXTS, k=3, seed=4)
    again = themes.suggest(vectors, TEXTS, k=3, seed=4)
    assert [s.indices for s in first] == [s.indices for s in again]
    assert [s.keywords for s in first] == [s.keywords for s in again]
    assert sorted(i for s in first for i in s.indices) == list(range(len(TEXTS)))
    assert len(first) == 3
    assert all(s.central in s.indices and s.name for s in first)


def test_automatic_k_stays_between_one_and_a_theme_per_five_cards(vectors):
    found = themes.suggest(vectors, TEXTS)
    assert 1 <= len(found) <= max(1, len(TEXTS) // themes.CARDS_PER_THEME)
    many = np.repeat(vectors, 6, axis=0) + np.random.default_rng(0).normal(0, 0.01, (54, 384))
    assert themes.MIN_K <= themes.choose_k(themes.Space.fit(many).project(many)) <= 10


def test_keywords_use_lemmas_but_show_the_cards_own_spelling():
    texts = ["De Buren groeten niet", "Buren kennen elkaar niet", "Ik ken mijn buren niet", "Hoi"]
    keywords = naming.keywords_per_group(texts, [0, 0, 0, 1])
    # "Buren" and "buren" are one lemma (buur); the spelling shown is the cards' own, in lower
    # case because a capital at the start of a card does not count.
    assert keywords[0][0] == "buren"
    assert "buur" not in keywords[0]
    mixed = naming.keywords_per_group(
        ["Wij gaan naar De Kersenbuurt", "Mooi in De Kersenbuurt"], [0, 0]
    )
    assert mixed[0][0] == "Kersenbuurt"


def test_a_theme_name_joins_two_distinct_keywords():
    assert naming.theme_name(["buurthuis", "buurthuizen", "activiteiten"]) == (
        "Buurthuis en activiteiten"
    )
    assert naming.theme_name([]) == ""


def test_prototypes_split_a_description_into_its_parts():
    parts = themes.prototypes("Groen", "Parken, bomen en speelplekken.")
    assert parts[:2] == ["Groen", "Parken, bomen en speelplekken."]
    assert {"Parken", "bomen", "speelplekken"} <= set(parts)


def test_guided_assignment_sorts_cards_into_described_themes(vectors):
    described = [
        Described("Groen en spelen", "Parken, bomen, tuinen en speelplekken voor kinderen."),
        Described("Verkeer", "Te hard rijden, gevaarlijke wegen en verlichting."),
        Described("Eenzaamheid", "Mensen die zich alleen voelen en weinig contact hebben."),
    ]
    result = assign_described(vectors, described, threshold=-1.0)
    assert [a.theme for a in result] == [0, 0, 0, 1, 1, 1, 2, 2, 2]


def test_a_card_below_the_threshold_stays_unsorted():
    points = np.array([[1.0, 0.0], [0.05, 0.99]], dtype=np.float32)
    theme_vectors = np.array([[1.0, 0.0], [0.0, -1.0]], dtype=np.float32)
    first, second = themes.assign(points, theme_vectors, threshold=0.1)
    assert first.theme == 0 and first.confidence == pytest.approx(1.0)
    assert second.theme is None and second.confidence < 0.1
    assert len(second.scores) == 2
    assert [a.theme for a in themes.assign(points, np.zeros((0, 2)))] == [None, None]


def test_confirmed_cards_pull_a_theme_vector():
    description = np.array([[1.0, 0.0]], dtype=np.float32)
    confirmed = np.array([[0.0, 1.0]] * 6, dtype=np.float32)
    vector = themes.theme_vector(description, confirmed)
    assert vector[1] > vector[0] > 0
    assert np.allclose(themes.theme_vector(description, None), [1.0, 0.0])
    with pytest.raises(ValueError):
        themes.theme_vector(None, None)
