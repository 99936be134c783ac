"""The Dutch and English catalogues of every app are complete, up to date with the source and
compiled. `make messages` (scripts/messages.sh) updates and compiles them; these tests fail when
someone adds a text without running it, or leaves a Dutch translation empty or fuzzy.

The source is compared by running `makemessages` on a copy of the app, so the committed
catalogues are never touched by a test run."""

import os
import re
import shutil
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path

import polib
import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "wijkdialoog"
LANGUAGES = ("nl", "en")
# Every app of the project: a folder of the package with an apps.py.
APPS = sorted(path.parent.name for path in PACKAGE.glob("*/apps.py"))
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|\{[a-z_]+\}")


def catalogue_path(app: str, language: str, suffix: str = "po") -> Path:
    return PACKAGE / app / "locale" / language / "LC_MESSAGES" / f"django.{suffix}"


def key(entry) -> tuple[str, str, str]:
    return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")


def describe(keys) -> str:
    return "\n".join(
        f"  {msgid!r}" + (f" (context {ctx!r})" if ctx else "") for ctx, msgid, _ in sorted(keys)
    )


@cache
def source_messages(app: str) -> frozenset:
    """The messages in the app's code and templates now, found by running makemessages on a copy
    of the app (with an empty locale folder, so nothing is merged from the old catalogue)."""
    scratch = Path(tempfile.mkdtemp(prefix="wijkdialoog-messages-"))
    copy = scratch / app
    shutil.copytree(
        PACKAGE / app, copy, ignore=shutil.ignore_patterns("locale", "__pycache__", "*.pyc")
    )
    (copy / "locale").mkdir()
    try:
        # -P keeps the copy off sys.path; the installed package supplies the settings.
        result = subprocess.run(
            [sys.executable, "-P", "-m", "wijkdialoog", "makemessages", "-l", "nl"],
            cwd=copy,
            env={**os.environ, "WIJKDIALOOG_TESTING": "true"},
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, f"makemessages failed for {app}:\n{result.stderr}"
        generated = copy / "locale" / "nl" / "LC_MESSAGES" / "django.po"
        if not generated.exists():  # an app without any translatable text
            return frozenset()
        return frozenset(key(entry) for entry in polib.pofile(str(generated)))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def catalogue(app: str, language: str) -> polib.POFile | None:
    """The app's committed catalogue, or None for an app that has no text to translate.
    An app with translatable text but no catalogue fails here, naming the app."""
    path = catalogue_path(app, language)
    if path.exists():
        return polib.pofile(str(path))
    messages = source_messages(app)
    assert not messages, (
        f"The {app} app has {len(messages)} translatable texts but no {language} catalogue "
        f"({path.relative_to(PACKAGE.parent)}). Run `make messages` and translate them."
    )
    return None


def live_entries(po: polib.POFile):
    return [entry for entry in po if not entry.obsolete]


@pytest.mark.parametrize("app", APPS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogues_hold_exactly_the_texts_in_the_source(app, language):
    po = catalogue(app, language)
    if po is None:
        return
    in_source = source_messages(app)
    in_catalogue = {key(entry) for entry in live_entries(po)}
    missing, stale = in_source - in_catalogue, in_catalogue - in_source
    assert not missing and not stale, (
        f"The {language} catalogue of the {app} app is out of date; run `make messages` and "
        f"translate.\nIn the code but not in the catalogue:\n{describe(missing)}\n"
        f"In the catalogue but no longer in the code:\n{describe(stale)}"
    )


@pytest.mark.parametrize("app", APPS)
def test_every_dutch_text_is_translated_and_none_is_fuzzy(app):
    po = catalogue(app, "nl")
    if po is None:
        return
    assert not po.metadata_is_fuzzy, f"The header of the {app} nl catalogue is marked fuzzy."
    untranslated = [
        key(entry)
        for entry in live_entries(po)
        if not entry.msgstr and not all(entry.msgstr_plural.values() or [""])
    ]
    fuzzy = [key(entry) for entry in live_entries(po) if "fuzzy" in entry.flags]
    assert not untranslated, f"The {app} app has texts without Dutch:\n{describe(untranslated)}"
    assert not fuzzy, f"The {app} app has fuzzy Dutch texts; check them:\n{describe(fuzzy)}"


@pytest.mark.parametrize("app", APPS)
def test_the_english_catalogue_is_complete_too(app):
    nl, en = catalogue(app, "nl"), catalogue(app, "en")
    if nl is None and en is None:
        return
    assert nl is not None and en is not None, f"The {app} app has only one of its catalogues."
    nl_keys = {key(entry) for entry in live_entries(nl)}
    en_keys = {key(entry) for entry in live_entries(en)}
    assert nl_keys == en_keys, (
        f"The en and nl catalogues of the {app} app differ.\nOnly in nl:\n"
        f"{describe(nl_keys - en_keys)}\nOnly in en:\n{describe(en_keys - nl_keys)}"
    )
    empty = [key(e) for e in live_entries(en) if not e.msgstr and not any(e.msgstr_plural.values())]
    fuzzy = [key(e) for e in live_entries(en) if "fuzzy" in e.flags]
    assert not empty and not fuzzy, (
        f"Empty or fuzzy English texts in {app}:\n{describe(empty + fuzzy)}"
    )


@pytest.mark.parametrize("app", APPS)
def test_translations_keep_the_placeholders_of_the_source(app):
    po = catalogue(app, "nl")
    if po is None:
        return
    wrong = []
    for entry in live_entries(po):
        if entry.msgid_plural:
            pairs = [(entry.msgid_plural, text) for text in entry.msgstr_plural.values()]
        else:
            pairs = [(entry.msgid, entry.msgstr)]
        for source, translation in pairs:
            if translation and sorted(PLACEHOLDER.findall(source)) != sorted(
                PLACEHOLDER.findall(translation)
            ):
                wrong.append(key(entry))
    assert not wrong, f"Dutch texts in {app} that lost or changed a placeholder:\n{describe(wrong)}"


def compiled(entries) -> dict:
    result = {}
    for entry in entries:
        if not entry.msgid or entry.obsolete or "fuzzy" in entry.flags:
            continue
        if entry.msgid_plural:
            value = tuple(entry.msgstr_plural[n] for n in sorted(entry.msgstr_plural))
            if not all(value):
                continue
        else:
            value = entry.msgstr
            if not value:
                continue
        result[key(entry)] = value
    return result


@pytest.mark.parametrize("app", APPS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_matches_its_po_file(app, language):
    po = catalogue(app, language)
    if po is None:
        return
    mo_path = catalogue_path(app, language, "mo")
    assert mo_path.exists(), (
        f"{mo_path.relative_to(PACKAGE.parent)} is missing; run `make messages` and commit it."
    )
    mo = polib.mofile(str(mo_path))
    assert compiled(mo) == compiled(po), (
        f"{mo_path.relative_to(PACKAGE.parent)} does not match its .po file; run "
        "`make messages` and commit the .mo file."
    )
