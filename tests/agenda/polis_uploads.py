"""Uploads of Polis exports for the import tests: zips and CSV files in memory."""

import io
import zipfile
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wijkdialoog.agenda.models import Agenda, Statement, Vote, Voter
from wijkdialoog.core.models import AuditEntry

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "polis"
SMALLEST = DATA / "15-per-hour-seattle"
BIGGEST = DATA / "vtaiwan.uberx"

COMMENTS = (
    "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body,is-meta\n"
    "1,x,0,5,1,0,1,Meer groen,0\n"
    "2,x,1,5,0,1,-1,Weg ermee,0\n"
    "3,x,2,,0,0,0,Over dit gesprek,1\n"
)
VOTES = "timestamp,datetime,comment-id,voter-id,vote\n1,x,0,5,1\n2,x,1,5,-1\n3,x,0,6,0\n"


def zip_bytes(files: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def folder_zip(folder: Path, prefix: str = "", names=("comments.csv", "votes.csv")) -> bytes:
    return zip_bytes({prefix + name: (folder / name).read_bytes() for name in names})


def upload(name: str, content: bytes | str) -> SimpleUploadedFile:
    data = content.encode() if isinstance(content, str) else content
    return SimpleUploadedFile(name, data)


def post_import(client, series, title="Uit Polis", **files):
    data = {"title": title, **files}
    return client.post(reverse("agenda-import", args=[series.pk]), data)


def row_counts() -> tuple[int, ...]:
    return (
        Agenda.objects.count(),
        Statement.objects.count(),
        Voter.objects.count(),
        Vote.objects.count(),
        AuditEntry.objects.count(),
    )
