"""Reading an uploaded Polis export: one zip file, or comments.csv and a votes file uploaded
separately. The files go to a temporary folder and are read there by `polis.read_export`.

A zip is checked before anything is unpacked: no absolute paths or `..`, the CSV files at the
top or in one folder, their unpacked size within `POLIS_IMPORT_MAX_UNPACKED_BYTES` (and each
file stops being copied the moment it grows past the size its header claims)."""

import zipfile
import zlib
from pathlib import Path, PurePosixPath
from tempfile import TemporaryDirectory
from typing import IO

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import IMPORTED_MAX_LENGTH
from .polis import PolisExport, PolisFormatError, read_export

NAMES = ("comments.csv", "votes.csv", "participants-votes.csv")
CHUNK = 64 * 1024

PROBLEMS = {
    "missing_file": gettext_lazy("the file is missing"),
    "empty": gettext_lazy("the file is empty"),
    "missing_column": gettext_lazy("this column is missing"),
    "cells": gettext_lazy("this row has more cells than there are columns"),
    "not_utf8": gettext_lazy("this is not UTF-8 text"),
    "not_csv": gettext_lazy("this is not a readable CSV file"),
    "not_integer": gettext_lazy("“%(value)s” is not a whole number"),
    "not_allowed": gettext_lazy("%(value)s is not one of %(allowed)s"),
    "twice": gettext_lazy("comment %(value)s occurs twice"),
    "unknown_comment": gettext_lazy("there is no comment %(value)s in comments.csv"),
    "no_votes_file": gettext_lazy("there is no votes.csv and no participants-votes.csv"),
    "no_comments": gettext_lazy("there are no comments in this file"),
    "no_text": gettext_lazy("this comment has no text"),
    "too_long": gettext_lazy("this comment is longer than %(limit)s characters"),
}


class UploadError(Exception):
    """An upload that cannot be read, with the message for the user and the form field."""

    def __init__(self, field: str, message: str) -> None:
        self.field, self.message = field, message
        super().__init__(message)


def describe(error: PolisFormatError) -> str:
    """The error in the user's language, naming file, row and column where known."""
    problem = PROBLEMS.get(error.code)
    text = str(problem) % error.params if problem is not None else error.message
    place = {"file": error.file, "row": error.row, "column": error.column, "problem": text}
    if error.row and error.column != "-":
        return _("%(file)s, row %(row)s, column %(column)s: %(problem)s") % place
    if error.row:
        return _("%(file)s, row %(row)s: %(problem)s") % place
    return _("%(file)s: %(problem)s") % place


def check(export: PolisExport) -> PolisExport:
    """What the agenda needs beyond the format: some comments, each with a text that fits."""
    if not export.comments:
        raise PolisFormatError("comments.csv", 0, "-", "no comments", "no_comments")
    for comment in export.comments:
        if not comment.text:
            raise PolisFormatError(
                "comments.csv", comment.row, "comment-body", "no text", "no_text"
            )
        if len(comment.text) > IMPORTED_MAX_LENGTH:
            raise PolisFormatError(
                "comments.csv",
                comment.row,
                "comment-body",
                "too long",
                "too_long",
                limit=IMPORTED_MAX_LENGTH,
            )
    return export


def _too_big() -> UploadError:
    limit = settings.POLIS_IMPORT_MAX_UNPACKED_BYTES // (1024 * 1024)
    return UploadError(
        "archive", _("Unpacked, this export is larger than %(limit)s MB.") % {"limit": limit}
    )


def _wanted(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The export's files in the zip: at the top or all in the one folder with comments.csv."""
    found = []
    for member in archive.infolist():
        path = PurePosixPath(member.filename.replace("\\", "/"))
        if path.is_absolute() or ".." in path.parts or ":" in member.filename:
            raise UploadError("archive", _("The zip file holds a path that is not allowed."))
        if member.is_dir() or path.name not in NAMES or len(path.parts) > 2:
            continue
        if path.parts[0] != "__MACOSX":
            found.append((path, member))
    folders = {path.parent for path, _member in found if path.name == "comments.csv"}
    if not folders:
        raise UploadError(
            "archive", _("The zip file has no comments.csv (at the top or in one folder).")
        )
    if len(folders) > 1:
        raise UploadError("archive", _("The zip file holds more than one comments.csv."))
    folder = folders.pop()
    return [member for path, member in found if path.parent == folder]


def _unpack(upload: IO[bytes], folder: Path) -> None:
    try:
        if not zipfile.is_zipfile(upload):
            raise UploadError("archive", _("This is not a zip file."))
        with zipfile.ZipFile(upload) as archive:
            members = _wanted(archive)
            if sum(m.file_size for m in members) > settings.POLIS_IMPORT_MAX_UNPACKED_BYTES:
                raise _too_big()
            if any(not _readable(member) for member in members):
                raise _unreadable()
            for member in members:
                _copy_member(archive, member, folder / PurePosixPath(member.filename).name)
    # What zipfile raises for damaged data; encryption and unknown packing are refused above.
    except (zipfile.BadZipFile, zlib.error, EOFError):
        raise _unreadable() from None


# The compression methods zipfile unpacks; the flag bit 0 of a member marks it encrypted.
READABLE_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}


def _readable(member: zipfile.ZipInfo) -> bool:
    return member.compress_type in READABLE_METHODS and not member.flag_bits & 0x1


def _unreadable() -> UploadError:
    return UploadError(
        "archive", _("The zip file is damaged, encrypted or packed in an unknown way.")
    )


def _copy_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, target: Path) -> None:
    left = member.file_size
    with archive.open(member) as source, target.open("wb") as out:
        while chunk := source.read(CHUNK):
            left -= len(chunk)
            if left < 0:  # larger than its header said: a zip bomb
                raise _too_big()
            out.write(chunk)


def _votes_name(upload: IO[bytes], name: str) -> str:
    """votes.csv or participants-votes.csv, by the header (else by the name the file had)."""
    header = upload.read(4096).split(b"\n", 1)[0]
    upload.seek(0)
    if b"voter-id" in header:
        return "votes.csv"
    if b"participant" in header or name.endswith("participants-votes.csv"):
        return "participants-votes.csv"
    return "votes.csv"


def _save(upload: IO[bytes], target: Path) -> None:
    with target.open("wb") as out:
        while chunk := upload.read(CHUNK):
            out.write(chunk)


def read_upload(
    *,
    archive: IO[bytes] | None = None,
    comments: IO[bytes] | None = None,
    votes: IO[bytes] | None = None,
    votes_name: str = "",
) -> PolisExport:
    """Read the export from a zip, or from the two CSV files. Raises UploadError for a zip
    that cannot be used and PolisFormatError for files that are not a Polis export."""
    with TemporaryDirectory(prefix="polis-") as name:
        folder = Path(name)
        if archive is not None:
            _unpack(archive, folder)
        else:
            assert comments is not None and votes is not None
            _save(comments, folder / "comments.csv")
            _save(votes, folder / _votes_name(votes, votes_name))
        return check(read_export(folder))
