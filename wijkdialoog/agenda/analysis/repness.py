"""Representative statements per group: Polis's repness with its significance test.

See stats.py for the measures. The selection per group, as Polis does it:

1. The best "agree" statement: scanning statements in order, the first one with votes whose
   agree test passes (or that is agreed more than elsewhere by a majority) becomes the best;
   a later one replaces it when it scores higher on r * r-test * p * p-test (or on p * p-test
   while the best so far is not agreed more than elsewhere).
2. The significant statements: both tests pass for agree or for disagree, sorted by
   r * r-test * p * p-test in their direction (the direction with the larger r-test).
3. The best agree first (or, with no best agree and no significant statement, the one with the
   highest r-test), then the significant ones; at most five; agrees before disagrees.
"""

from dataclasses import dataclass
from typing import Literal

import numpy as np
import numpy.typing as npt

from .matrix import FloatArray
from .stats import PICK_MAX, Z_CRITICAL, Counts, one_prop_z, share, two_prop_z

Direction = Literal["agree", "disagree"]


@dataclass(frozen=True)
class Representative:
    column: int
    direction: Direction
    probability: float
    repness: float


@dataclass(frozen=True)
class GroupTable:
    """Measures of one group per statement: p, p-test, r, r-test for agree (a) and disagree (d)."""

    na: FloatArray
    nd: FloatArray
    pa: FloatArray
    pd: FloatArray
    pat: FloatArray
    pdt: FloatArray
    ra: FloatArray
    rd: FloatArray
    rat: FloatArray
    rdt: FloatArray


def table(counts: Counts, group: int) -> GroupTable:
    seen = counts.seen.astype(np.float64)
    agree = counts.agree.astype(np.float64)
    disagree = counts.disagree.astype(np.float64)
    out_seen, out_agree, out_disagree = (
        part.sum(axis=0) - part[group] for part in (seen, agree, disagree)
    )
    return GroupTable(
        na=agree[group],
        nd=disagree[group],
        pa=share(agree[group], seen[group]),
        pd=share(disagree[group], seen[group]),
        pat=one_prop_z(agree[group], seen[group]),
        pdt=one_prop_z(disagree[group], seen[group]),
        ra=share(agree[group], seen[group]) / share(out_agree, out_seen),
        rd=share(disagree[group], seen[group]) / share(out_disagree, out_seen),
        rat=two_prop_z(agree[group], out_agree, seen[group], out_seen),
        rdt=two_prop_z(disagree[group], out_disagree, seen[group], out_seen),
    )


def best_agree(t: GroupTable, columns: list[int]) -> int | None:
    """Step 1 of the selection: a sequential scan, as in Polis."""
    best: int | None = None
    metric = t.ra * t.rat * t.pa * t.pat
    for c in columns:
        if t.na[c] == 0 and t.nd[c] == 0:
            continue
        if best is None:
            if t.pat[c] > Z_CRITICAL or (t.ra[c] > 1.0 and t.pa[c] > 0.5):
                best = c
        elif t.ra[best] > 1.0:
            if metric[c] > metric[best]:
                best = c
        elif t.pa[c] * t.pat[c] > t.pa[best] * t.pat[best]:
            best = c
    return best


def describe(t: GroupTable, column: int, agree: bool = False) -> Representative:
    if agree or t.rat[column] > t.rdt[column]:
        return Representative(column, "agree", float(t.pa[column]), float(t.ra[column]))
    return Representative(column, "disagree", float(t.pd[column]), float(t.rd[column]))


def select(counts: Counts, group: int, excluded: npt.NDArray[np.bool_]) -> list[Representative]:
    """The representative statements of `group` (columns not `excluded`)."""
    t = table(counts, group)
    columns = [int(c) for c in np.flatnonzero(~excluded)]
    head = best_agree(t, columns)
    significant_mask = ((t.pat > Z_CRITICAL) & (t.rat > Z_CRITICAL)) | (
        (t.pdt > Z_CRITICAL) & (t.rdt > Z_CRITICAL)
    )
    significant = [c for c in columns if significant_mask[c]]
    agree_side = t.rat > t.rdt
    metric = np.where(agree_side, t.ra * t.rat * t.pa * t.pat, t.rd * t.rdt * t.pd * t.pdt)
    significant.sort(key=lambda c: -metric[c])
    head_is_agree = head is not None
    if head is None and not significant and columns:
        head = max(columns, key=lambda c: (max(t.rat[c], t.rdt[c]), -c))
    if head is None:
        return []
    # The best agree is shown as agreed (as Polis marks it), whatever its r-tests say.
    picked = [describe(t, head, agree=head_is_agree)]
    picked += [describe(t, c) for c in significant if c != head][: PICK_MAX - 1]
    return sorted(picked, key=lambda rep: rep.direction)
