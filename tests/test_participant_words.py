"""Residents and participants read plain Dutch: the Dutch texts of the pages and mails they see
avoid the organisers' jargon ("oogstkaart" is a "kaartje", a "zorg of minderheidsstem" is said in
everyday words). A text counts as participant-facing when one of these files uses it."""

import re
from pathlib import Path

import polib
import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "wijkdialoog"
# Per app, the files (or folders, ending in "/") whose texts residents and participants read.
PARTICIPANT_FACING = {
    "core": [
        "templates/base.html",
        "templates/core/includes/error_summary.html",
    ],
    "community": ["templates/community/includes/contact.html"],
    "dialogues": [
        "templates/dialogues/meeting_public.html",
        "templates/dialogues/neighbourhood_public.html",
        "templates/dialogues/includes/meeting_card.html",
        "templates/dialogues/includes/availability.html",
        "calendar.py",
    ],
    "registrations": [
        "templates/registrations/registration_form.html",
        "templates/registrations/registration_done.html",
        "templates/registrations/registration_manage.html",
        "templates/registrations/registration_cancel.html",
        "templates/registrations/registration_link_invalid.html",
        "templates/registrations/includes/meeting_facts.html",
        "templates/registrations/includes/consent_statement.html",
        "templates/registrations/includes/registration_code.html",
        "templates/registrations/mail/",
        "forms.py",
    ],
    "outreach": [
        "templates/outreach/invitation_",
        "templates/outreach/channel_unknown.html",
        "templates/outreach/poster.html",
        "templates/outreach/mail/",
    ],
    "harvest": [
        "templates/harvest/participant_",
        "templates/harvest/wall",
        "templates/harvest/facilitator_qr_sheet.html",
        "templates/harvest/includes/my_actions.html",
        "templates/harvest/includes/capture_status.html",
    ],
    "methods": ["kinds.py"],
    "site": ["templates/site/home.html", "templates/site/privacy.html"],
}
JARGON = re.compile(r"oogstkaart|oogstmuur|minderheidsstem|werkvorm|\boogster", re.IGNORECASE)


def participant_texts(app: str) -> list[tuple[str, str]]:
    catalogue = polib.pofile(str(PACKAGE / app / "locale/nl/LC_MESSAGES/django.po"))
    facing = PARTICIPANT_FACING[app]
    texts: list[tuple[str, str]] = []
    for entry in catalogue:
        files = [path for path, _line in entry.occurrences]
        if any(path.startswith(prefix) for path in files for prefix in facing):
            translations = [entry.msgstr, *entry.msgstr_plural.values()]
            texts.extend((entry.msgid, text) for text in translations if text)
    return texts


@pytest.mark.parametrize("app", sorted(PARTICIPANT_FACING))
def test_participant_facing_dutch_avoids_jargon(app):
    texts = participant_texts(app)
    assert texts, f"no participant-facing texts found in {app}: are the paths above right?"
    jargon = [f"  {msgid!r}: {text!r}" for msgid, text in texts if JARGON.search(text)]
    assert not jargon, "Jargon in texts residents read:\n" + "\n".join(jargon)


def test_the_check_finds_jargon():
    assert JARGON.search("Schrijf je eigen oogstkaart")
    assert JARGON.search("zorg of minderheidsstem")
    assert not JARGON.search("Schrijf je eigen kaartje over wat je hebt gehoord in de oogst")
