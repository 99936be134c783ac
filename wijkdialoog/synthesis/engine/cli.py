"""The `wijkdialoog themes` command without Django: read cards (and themes) from CSV, suggest or
assign themes, write JSON in the "wijkdialoog-themes/1" format. It needs no database and no
settings, so analysts can run it on any export.

    wijkdialoog themes CARDS.csv --json OUT [--k N] [--themes THEMES.csv]

CARDS.csv has the columns id,text (others are ignored); THEMES.csv has name,description.
"""

import argparse
import csv
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .embedding import embed
from .guided import Described, assign_described
from .naming import keywords_per_group
from .themes import suggest

SCHEMA = "wijkdialoog-themes/1"


class InputError(ValueError):
    """A CSV file that cannot be read as cards or themes; the message says why."""


def read_rows(path: Path, columns: Sequence[str]) -> list[dict[str, str]]:
    """The rows of a UTF-8 CSV file (with or without BOM) that must have `columns`."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            found = [name.strip() for name in reader.fieldnames or []]
            missing = [name for name in columns if name not in found]
            if missing:
                raise InputError(
                    f"{path}: missing column(s) {', '.join(missing)}; "
                    f"the file has {', '.join(found) or 'no header'}."
                )
            return [
                {key.strip(): (value or "") for key, value in row.items() if key is not None}
                for row in reader
            ]
    except FileNotFoundError as error:
        raise InputError(f"{path}: no such file.") from error
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not UTF-8 text ({error.reason}).") from error
    except csv.Error as error:
        raise InputError(f"{path}: not a readable CSV file ({error}).") from error


def read_cards(path: Path) -> tuple[list[str], list[str]]:
    rows = read_rows(path, ["id", "text"])
    ids = [row["id"].strip() for row in rows]
    seen: set[str] = set()
    for line, card_id in enumerate(ids, start=2):
        if not card_id:
            raise InputError(f"{path}, line {line}: a card without an id.")
        if card_id in seen:
            raise InputError(f"{path}, line {line}: the id {card_id} occurs twice.")
        seen.add(card_id)
    return ids, [row["text"] for row in rows]


def read_themes(path: Path) -> list[Described]:
    rows = read_rows(path, ["name", "description"])
    themes = [Described(row["name"].strip(), row["description"].strip()) for row in rows]
    if not themes or any(not theme.name for theme in themes):
        raise InputError(f"{path}: every theme needs a name, and at least one theme is needed.")
    return themes


def run(
    ids: Sequence[str],
    texts: Sequence[str],
    k: int | None = None,
    themes: Sequence[Described] | None = None,
    seed: int = 0,
) -> dict[str, Any]:
    """The JSON document for these cards: suggested themes, or `themes` with cards assigned."""
    started = time.perf_counter()
    vectors = embed(texts)
    groups: list[int | None]
    if themes:
        groups = [a.theme for a in assign_described(vectors, themes)]
        keywords = keywords_per_group(texts, groups)
        names = [theme.name for theme in themes]
        words = [keywords.get(index, []) for index in range(len(themes))]
    else:
        suggestions = suggest(vectors, texts, k=k, seed=seed)
        groups = [None] * len(ids)
        for number, suggestion in enumerate(suggestions):
            for index in suggestion.indices:
                groups[index] = number
        names = [suggestion.name for suggestion in suggestions]
        words = [suggestion.keywords for suggestion in suggestions]
    return {
        "schema": SCHEMA,
        "cards": dict(zip(ids, groups, strict=True)),
        "themes": [
            {
                "name": name,
                "keywords": keywords,
                "cards": [card for card, group in zip(ids, groups, strict=True) if group == i],
            }
            for i, (name, keywords) in enumerate(zip(names, words, strict=True))
        ],
        "runtime_s": round(time.perf_counter() - started, 3),
    }


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("cards", type=Path, help="CSV file with the columns id,text")
    parser.add_argument("--json", type=Path, required=True, dest="json_path", help="output file")
    parser.add_argument("--k", type=int, default=None, help="number of themes to suggest")
    parser.add_argument(
        "--themes", type=Path, default=None, help="CSV file with the columns name,description"
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of the clustering")


def execute(
    cards: Path,
    json_path: Path,
    k: int | None = None,
    themes: Path | None = None,
    seed: int = 0,
) -> dict[str, Any]:
    """Read, compute and write; raises InputError for unusable input."""
    if k is not None and k < 1:
        raise InputError("--k must be 1 or more.")
    ids, texts = read_cards(cards)
    described = read_themes(themes) if themes else None
    document = run(ids, texts, k=k, themes=described, seed=seed)
    json_path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return document


def main(argv: Sequence[str] | None = None) -> int:
    """`wijkdialoog themes ...` before Django starts: no settings or SECRET_KEY needed."""
    parser = argparse.ArgumentParser(
        prog="wijkdialoog themes", description="Suggest or assign themes for harvest cards."
    )
    add_arguments(parser)
    options = parser.parse_args(argv)
    try:
        document = execute(
            options.cards, options.json_path, options.k, options.themes, options.seed
        )
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(
        f"{len(document['cards'])} cards, {len(document['themes'])} themes "
        f"-> {options.json_path} ({document['runtime_s']} s)"
    )
    return 0
