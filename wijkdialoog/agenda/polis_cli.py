"""The `wijkdialoog polis-analyse` command, without Django: analyse Polis exports, write JSON.

    wijkdialoog polis-analyse FOLDER [FOLDER ...] --json OUT [--repeat N]

OUT is one JSON list with one object per folder (also for one folder), in the
"wijkagenda-polis-eval/1" format (see the README).
"""

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .analysis import analyse
from .polis import PolisExport, PolisFormatError, read_export

SCHEMA = "wijkagenda-polis-eval/1"


def evaluate(folder: Path, export: PolisExport, repeat: int) -> dict[str, Any]:
    votes = np.asarray(export.votes, dtype=np.int64).reshape(-1, 3)

    def once() -> Any:
        return analyse(
            votes[:, 0],
            votes[:, 1],
            votes[:, 2],
            moderated_out=export.moderated_out,
            meta=export.meta,
        )

    before = os.getloadavg()
    result = once()  # the warm-up (and the only run without --repeat)
    runs: list[float] = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = once()
        runs.append(time.perf_counter() - start)
    after = os.getloadavg()
    ids = result.matrix.statement_ids
    return {
        "schema": SCHEMA,
        "conversation": folder.name,
        "participants": {str(v): g for v, g in sorted(result.groups_by_voter().items())},
        "consensus": {str(int(ids[c])): float(result.consensus[c]) for c in result.consensus_order},
        "n_groups": result.n_groups,
        "top_consensus": result.statement_ids(result.consensus_order[:5]),
        "representative": {
            str(g): [int(ids[rep.column]) for rep in reps]
            for g, reps in enumerate(result.representative)
        },
        "moderated_out": export.moderated_out,
        "runtime_s": statistics.median(runs) if runs else None,
        "timing": {
            "runs_s": runs,
            "loadavg_1_5_15_before": list(before),
            "loadavg_1_5_15_after": list(after),
            "host": {"cpu_count": os.cpu_count()},
        },
    }


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="wijkdialoog polis-analyse", description=__doc__)
    parser.add_argument("folders", nargs="+", type=Path, metavar="FOLDER")
    parser.add_argument("--json", required=True, type=Path, metavar="OUT")
    parser.add_argument(
        "--repeat",
        type=int,
        default=0,
        metavar="N",
        help="time N runs after one warm-up; runtime_s is their median",
    )
    args = parser.parse_args(list(argv))
    if args.repeat < 0:
        parser.error("--repeat must be 0 or more")
    try:
        exports = [(folder, read_export(folder)) for folder in args.folders]
    except PolisFormatError as error:
        print(f"polis-analyse: {error}", file=sys.stderr)
        return 2
    objects = [evaluate(folder, export, args.repeat) for folder, export in exports]
    args.json.write_text(json.dumps(objects, indent=1) + "\n", encoding="utf-8")
    return 0
