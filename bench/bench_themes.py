"""Benchmark of theme synthesis (wijkdialoog/synthesis/engine/, plain Python and numpy).

On the labelled Dutch cards of ../shared/data/harvest-nl/cards_nl.csv (or the file named by
WIJKDIALOOG_THEMES_CARDS), in one run:

(a) Suggestions: NMI and ARI against the labels, for the baseline (TF-IDF over simplemma lemmas
    plus k-means with the true k) and for ours (multilingual-e5-small vectors, centred, k-means)
    with the automatic k and with the true k. Goal: NMI at least twice the baseline's.
(b) Guided assignment: cards sorted into the eight themes from their names and the one-line
    descriptions below, written once from the theme names (not from the cards). Accuracy over
    all cards (an unsorted card counts as wrong), over the sorted cards, and the unsorted share.
    Goal: at least 70% right.
(c) Speed: embedding throughput and peak memory; with stored vectors, suggestions for 10,000
    and 100,000 cards (real vectors repeated with small noise, texts repeated; goals < 5 s and
    < 60 s) and assigning one new card (< 50 ms).

Run: python bench/bench_themes.py (or `make bench`). It prints figures; it asserts nothing.
"""

import csv
import os
import resource
import sys
import time
from pathlib import Path

# The engine is plain Python: no Django settings are needed to run it.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

from wijkdialoog.synthesis.engine.embedding import MODEL_ID, embed
from wijkdialoog.synthesis.engine.guided import Described, assign_described, described_vectors
from wijkdialoog.synthesis.engine.naming import lemma
from wijkdialoog.synthesis.engine.themes import Space, assign, suggest

ROOT = Path(__file__).resolve().parents[1]
CARDS = Path(
    os.environ.get("WIJKDIALOOG_THEMES_CARDS", ROOT.parent / "shared/data/harvest-nl/cards_nl.csv")
)
# Written once from the theme names, before measuring; not tuned to the cards' wording.
THEMES = {
    "ontmoeting": Described(
        "Ontmoeting", "Buren leren elkaar kennen en ontmoeten elkaar in de straat."
    ),
    "eenzaamheid": Described(
        "Eenzaamheid", "Mensen die zich alleen voelen en weinig contact met anderen hebben."
    ),
    "groen_spelen": Described(
        "Groen en spelen", "Parken, bomen, tuinen en speelplekken voor kinderen."
    ),
    "veiligheid_verkeer": Described(
        "Veiligheid en verkeer",
        "Onveilige plekken, criminaliteit, verlichting en gevaarlijk verkeer.",
    ),
    "jongeren": Described(
        "Jongeren", "Wat tieners en jongeren in de wijk nodig hebben en kunnen doen."
    ),
    "ouderen_mantelzorg": Described(
        "Ouderen en mantelzorg",
        "Zorg en hulp voor ouderen en voor de mensen die voor hen zorgen.",
    ),
    "buurthuis_activiteiten": Described(
        "Buurthuis en activiteiten",
        "Het buurthuis en activiteiten, clubs en cursussen voor bewoners.",
    ),
    "participatie_gemeente": Described(
        "Participatie en gemeente",
        "Meepraten met de gemeente, inspraak en hoe de gemeente met bewoners omgaat.",
    ),
}
SEEDS = range(5)


def load() -> tuple[list[str], list[str]]:
    with CARDS.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [row["text"] for row in rows], [row["theme"] for row in rows]


def scores(labels: list[str], predicted: list[list[int]]) -> tuple[float, float]:
    """Mean NMI and ARI over the runs of several seeds."""
    nmi = np.mean([normalized_mutual_info_score(labels, p) for p in predicted])
    ari = np.mean([adjusted_rand_score(labels, p) for p in predicted])
    return float(nmi), float(ari)


def labels_of(suggestions: list, n: int) -> list[int]:
    result = [0] * n
    for number, suggestion in enumerate(suggestions):
        for index in suggestion.indices:
            result[index] = number
    return result


def quality(texts: list[str], labels: list[str], vectors: np.ndarray) -> None:
    k = len(set(labels))
    print(f"(a) Suggestions on {len(texts)} cards, {k} themes (mean of {len(SEEDS)} seeds)")
    tfidf = TfidfVectorizer(
        tokenizer=lambda text: [lemma(w) for w in text.split()], lowercase=True, token_pattern=None
    ).fit_transform(texts)
    baseline = scores(
        labels, [KMeans(k, n_init=10, random_state=s).fit_predict(tfidf) for s in SEEDS]
    )
    auto_runs = [suggest(vectors, texts, seed=s) for s in SEEDS]
    auto = scores(labels, [labels_of(r, len(texts)) for r in auto_runs])
    true_k = scores(
        labels, [labels_of(suggest(vectors, texts, k=k, seed=s), len(texts)) for s in SEEDS]
    )
    print(
        f"    baseline TF-IDF (lemmas) + k-means, k={k}:  "
        f"NMI {baseline[0]:.3f}  ARI {baseline[1]:.3f}"
    )
    ks = sorted({len(r) for r in auto_runs})
    for title, (nmi, ari) in ((f"ours, automatic k {ks}:", auto), (f"ours, k={k}:", true_k)):
        print(
            f"    {title:40s} NMI {nmi:.3f}  ARI {ari:.3f}  "
            f"ratio {nmi / baseline[0]:.1f}x   goal: >= 2.0x"
        )
    print("    suggested names (seed 0):")
    for suggestion in auto_runs[0]:
        print(
            f"      {len(suggestion.indices):3d}  {suggestion.name}  "
            f"({', '.join(suggestion.keywords)})"
        )


def guided(texts: list[str], labels: list[str], vectors: np.ndarray) -> None:
    keys = list(THEMES)
    assignments = assign_described(vectors, list(THEMES.values()))
    truth = [keys.index(label) for label in labels]
    sorted_ = [(a.theme, t) for a, t in zip(assignments, truth, strict=True) if a.theme is not None]
    right = sum(theme == t for theme, t in sorted_)
    nearest = sum(int(np.argmax(a.scores)) == t for a, t in zip(assignments, truth, strict=True))
    n = len(texts)
    print()
    print(f"(b) Guided assignment to {len(keys)} described themes")
    print(f"    nearest theme, no threshold: {nearest / n:.1%} right   goal: >= 70%")
    print(
        f"    with the threshold: {right / n:.1%} of all cards right, "
        f"{right / max(len(sorted_), 1):.1%}"
        f" of the sorted cards right, {1 - len(sorted_) / n:.1%} unsorted"
    )


def speed(texts: list[str], vectors: np.ndarray) -> None:
    print()
    print("(c) Speed")
    started = time.perf_counter()
    embed(texts)
    elapsed = time.perf_counter() - started
    print(f"    embedding ({MODEL_ID}): {len(texts) / elapsed:.0f} cards/s ({len(texts)} cards)")
    rng = np.random.default_rng(0)
    for n, goal in ((10_000, 5), (100_000, 60)):
        rows = np.resize(np.arange(len(vectors)), n)
        noisy = vectors[rows] + rng.normal(0, 0.02, (n, vectors.shape[1])).astype(np.float32)
        many = [texts[i] for i in rows]
        started = time.perf_counter()
        found = suggest(noisy, many)
        elapsed = time.perf_counter() - started
        print(
            f"    suggestions for {n:,} cards: {elapsed:.1f} s ({len(found)} themes)   "
            f"goal: < {goal} s"
        )
    space = Space.fit(vectors)
    themes = described_vectors(space, list(THEMES.values()))
    runs = []
    for vector in vectors[:50]:
        started = time.perf_counter()
        assign(space.project(vector), themes)
        runs.append(time.perf_counter() - started)
    print(
        f"    assigning one new card: {np.median(runs) * 1000:.2f} ms (median of 50)   "
        "goal: < 50 ms"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"    peak memory of this run: {peak:.0f} MB (maxrss, model and 100,000 vectors included)"
    )


def main() -> None:
    if not CARDS.exists():
        print(f"No labelled cards at {CARDS}; set WIJKDIALOOG_THEMES_CARDS.")
        return
    texts, labels = load()
    vectors = embed(texts)
    quality(texts, labels, vectors)
    guided(texts, labels, vectors)
    speed(texts, vectors)


if __name__ == "__main__":
    main()
