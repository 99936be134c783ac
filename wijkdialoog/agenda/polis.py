"""Polis exports in the openData format: read them, and write an agenda in the same format.

A folder holds `comments.csv` (comment-id, author-id, moderated, comment-body, optionally
is-meta) and `votes.csv` (timestamp, comment-id, voter-id, vote; the last vote per voter and
comment by timestamp counts) or, without votes.csv, `participants-votes.csv` (one row per
participant, one column per comment id; blank = not seen). Votes: agree 1, disagree -1, pass 0.
`moderated` -1 means moderated out; `is-meta` 1 means left out of the analysis.

Pure Python: no Django. A malformed file raises `PolisFormatError` naming file, row and column;
nothing is returned then, so nothing is imported.
"""

import csv
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

COMMENT_COLUMNS = ("comment-id", "moderated", "comment-body")
VOTE_COLUMNS = ("timestamp", "comment-id", "voter-id", "vote")
PARTICIPANT_FIXED = ("participant", "group-id", "n-comments", "n-votes", "n-agree", "n-disagree")


class PolisFormatError(ValueError):
    """A Polis export that cannot be read; names the file, the row (1 = header) and column.

    `code` and `params` let a caller say the same in the user's language (polis_upload.py)."""

    def __init__(
        self, file: str, row: int, column: str, message: str, code: str = "", **params: object
    ) -> None:
        self.file, self.row, self.column, self.message = file, row, column, message
        self.code, self.params = code, params
        super().__init__(f"{file}, row {row}, column {column}: {message}")


@dataclass(frozen=True)
class PolisComment:
    id: int
    text: str
    moderated: int
    is_meta: bool
    author_id: int | None
    row: int = field(default=0, compare=False)  # in comments.csv, for error messages


@dataclass(frozen=True)
class PolisExport:
    comments: list[PolisComment]
    votes: list[tuple[int, int, int]]  # (voter, comment, value), the last vote per pair

    @property
    def moderated_out(self) -> list[int]:
        return [c.id for c in self.comments if c.moderated == -1]

    @property
    def meta(self) -> list[int]:
        return [c.id for c in self.comments if c.is_meta]


def rows(path: Path, required: Sequence[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """(row number, row) for each data row; the header is row 1."""
    if not path.is_file():
        raise PolisFormatError(path.name, 0, "-", "the file is missing", "missing_file")
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            if not reader.fieldnames:
                raise PolisFormatError(path.name, 0, "-", "the file is empty", "empty")
            header = [name.strip() for name in reader.fieldnames or []]
            for name in required:
                if name not in header:
                    raise PolisFormatError(
                        path.name, 1, name, "this column is missing", "missing_column"
                    )
            reader.fieldnames = header
            for number, row in enumerate(reader, start=2):
                if None in row:
                    raise PolisFormatError(
                        path.name, number, "-", "more cells than columns", "cells"
                    )
                yield number, {key: (value or "").strip() for key, value in row.items()}
    except UnicodeDecodeError as error:
        raise PolisFormatError(
            path.name, 0, "-", f"not UTF-8 text ({error.reason})", "not_utf8"
        ) from None
    except csv.Error as error:
        raise PolisFormatError(
            path.name, 0, "-", f"not a readable CSV file ({error})", "not_csv"
        ) from None


def integer(file: str, row: int, column: str, text: str, allowed: Iterable[int] = ()) -> int:
    try:
        value = int(text)
    except ValueError:
        raise PolisFormatError(
            file, row, column, f"{text!r} is not a whole number", "not_integer", value=text
        ) from None
    choices = tuple(allowed)
    if choices and value not in choices:
        shown = ", ".join(str(c) for c in choices)
        raise PolisFormatError(
            file,
            row,
            column,
            f"{value} is not one of {shown}",
            "not_allowed",
            value=value,
            allowed=shown,
        )
    return value


def read_comments(path: Path) -> list[PolisComment]:
    comments: list[PolisComment] = []
    seen: set[int] = set()
    for number, row in rows(path, COMMENT_COLUMNS):
        comment_id = integer(path.name, number, "comment-id", row["comment-id"])
        if comment_id in seen:
            raise PolisFormatError(
                path.name,
                number,
                "comment-id",
                f"{comment_id} occurs twice",
                "twice",
                value=comment_id,
            )
        seen.add(comment_id)
        author = row.get("author-id", "")
        meta = row.get("is-meta", "")
        comments.append(
            PolisComment(
                id=comment_id,
                text=row["comment-body"],
                moderated=integer(
                    path.name, number, "moderated", row["moderated"] or "0", (-1, 0, 1)
                ),
                is_meta=bool(meta) and integer(path.name, number, "is-meta", meta, (0, 1)) == 1,
                author_id=integer(path.name, number, "author-id", author) if author else None,
                row=number,
            )
        )
    return sorted(comments, key=lambda c: c.id)


def read_votes(path: Path, known: set[int]) -> list[tuple[int, int, int]]:
    """The last vote per (voter, comment) by timestamp; a later row wins a tie."""
    latest: dict[tuple[int, int], tuple[int, int]] = {}
    for number, row in rows(path, VOTE_COLUMNS):
        stamp = integer(path.name, number, "timestamp", row["timestamp"])
        comment = integer(path.name, number, "comment-id", row["comment-id"])
        if comment not in known:
            raise PolisFormatError(
                path.name,
                number,
                "comment-id",
                f"no comment {comment}",
                "unknown_comment",
                value=comment,
            )
        voter = integer(path.name, number, "voter-id", row["voter-id"])
        value = integer(path.name, number, "vote", row["vote"], (-1, 0, 1))
        key = (voter, comment)
        if key not in latest or stamp >= latest[key][0]:
            latest[key] = (stamp, value)
    return [(voter, comment, value) for (voter, comment), (_, value) in sorted(latest.items())]


def read_participant_votes(path: Path, known: set[int]) -> list[tuple[int, int, int]]:
    votes: list[tuple[int, int, int]] = []
    for number, row in rows(path, ("participant",)):
        voter = integer(path.name, number, "participant", row["participant"])
        for column, cell in row.items():
            if column in PARTICIPANT_FIXED or not cell:
                continue
            comment = integer(path.name, 1, column, column)
            if comment not in known:
                raise PolisFormatError(
                    path.name,
                    1,
                    column,
                    f"no comment {comment}",
                    "unknown_comment",
                    value=comment,
                )
            votes.append((voter, comment, integer(path.name, number, column, cell, (-1, 0, 1))))
    return sorted(votes)


def read_export(folder: Path) -> PolisExport:
    """Read a Polis export folder (votes.csv preferred over participants-votes.csv)."""
    comments = read_comments(folder / "comments.csv")
    known = {c.id for c in comments}
    if (folder / "votes.csv").is_file():
        votes = read_votes(folder / "votes.csv", known)
    elif (folder / "participants-votes.csv").is_file():
        votes = read_participant_votes(folder / "participants-votes.csv", known)
    else:
        raise PolisFormatError(
            "votes.csv", 0, "-", "neither votes.csv nor participants-votes.csv", "no_votes_file"
        )
    return PolisExport(comments=comments, votes=votes)


def write_export(
    folder: Path, comments: Sequence[PolisComment], votes: Sequence[tuple[int, int, int]]
) -> None:
    """Write comments.csv, votes.csv and participants-votes.csv in the openData format.

    There are no real timestamps for an agenda's export: timestamps count up from 0 in vote
    order (so the last vote per pair stays the last), and the datetime column is left empty.
    """
    folder.mkdir(parents=True, exist_ok=True)
    agrees: dict[int, int] = {}
    disagrees: dict[int, int] = {}
    for _, comment, value in votes:
        if value == 1:
            agrees[comment] = agrees.get(comment, 0) + 1
        elif value == -1:
            disagrees[comment] = disagrees.get(comment, 0) + 1
    with (folder / "comments.csv").open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(
            [
                "timestamp",
                "datetime",
                "comment-id",
                "author-id",
                "agrees",
                "disagrees",
                "moderated",
                "comment-body",
                "is-meta",
            ]
        )
        for c in comments:
            out.writerow(
                [
                    0,
                    "",
                    c.id,
                    "" if c.author_id is None else c.author_id,
                    agrees.get(c.id, 0),
                    disagrees.get(c.id, 0),
                    c.moderated,
                    c.text,
                    int(c.is_meta),
                ]
            )
    with (folder / "votes.csv").open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["timestamp", "datetime", "comment-id", "voter-id", "vote"])
        for stamp, (voter, comment, value) in enumerate(votes):
            out.writerow([stamp, "", comment, voter, value])
    write_participant_votes(folder / "participants-votes.csv", comments, votes)


def write_participant_votes(
    path: Path, comments: Sequence[PolisComment], votes: Sequence[tuple[int, int, int]]
) -> None:
    ids = [c.id for c in comments]
    authored: dict[int, int] = {}
    for c in comments:
        if c.author_id is not None:
            authored[c.author_id] = authored.get(c.author_id, 0) + 1
    table: dict[int, dict[int, int]] = {}
    for voter, comment, value in votes:
        table.setdefault(voter, {})[comment] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow([*PARTICIPANT_FIXED, *ids])
        for voter in sorted(table):
            cast = table[voter]
            values = list(cast.values())
            out.writerow(
                [
                    voter,
                    "",
                    authored.get(voter, 0),
                    len(values),
                    values.count(1),
                    values.count(-1),
                    *(cast.get(i, "") for i in ids),
                ]
            )
