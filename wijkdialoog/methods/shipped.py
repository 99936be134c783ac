"""The methods that come with Wijkdialoog, kept as JSON files in methods/data/.

One file per method family, with a version per language:
{"family": ..., "versions": {"nl": {"name", "summary", "conversation_rules": [...],
"phases": [{"name", "purpose", "questions": [...], "minutes", "card_kinds": [...]}],
"look_back": {"name", "purpose", "questions": [...], "minutes"}}, "en": ...}}

`look_back` is an optional short terugblik round for follow-up meetings (not the first of a
series): not a phase, so a method's phases stay the same; facilitator mode offers it in the
opening phase of a follow-up meeting (see `look_back_round`).

The data migration and `wijkdialoog load_methods` both call `sync_shipped_methods`, which takes
the model classes so the migration can pass its historical models.
"""

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from .kinds import CardKind

DATA_DIR = Path(__file__).resolve().parent / "data"
LANGUAGES = ("nl", "en")
METHOD_FIELDS = ("name", "summary", "conversation_rules")
PHASE_FIELDS = ("name", "purpose", "questions", "minutes", "card_kinds")


@dataclass
class SyncResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def read_families(data_dir: Path = DATA_DIR) -> list[dict]:
    """Every shipped method family from the data files, checked, in file name order."""
    families = []
    for path in sorted(data_dir.glob("*.json")):
        family = json.loads(path.read_text(encoding="utf-8"))
        _check(family, path.name)
        families.append(family)
    return families


def _check(family: dict, source: str) -> None:
    versions = family.get("versions", {})
    if set(versions) != set(LANGUAGES):
        raise ValueError(f"{source}: needs a version in each of {LANGUAGES}")
    for language, version in versions.items():
        if not version["phases"]:
            raise ValueError(f"{source} ({language}): a method needs phases")
        for phase in version["phases"]:
            if not 1 <= phase["minutes"] <= 240:
                raise ValueError(f"{source} ({language}) {phase['name']}: minutes out of range")
            if not phase["questions"]:
                raise ValueError(f"{source} ({language}) {phase['name']}: no questions")
            unknown = set(phase["card_kinds"]) - set(CardKind.values)
            if unknown:
                raise ValueError(f"{source} ({language}) {phase['name']}: unknown {unknown}")
        look_back = version.get("look_back")
        if look_back is not None and (
            not look_back.get("name")
            or not look_back.get("questions")
            or not 1 <= look_back.get("minutes", 0) <= 30
        ):
            raise ValueError(f"{source} ({language}): the look-back round is incomplete")


def method_values(version: dict) -> dict:
    return {
        "name": version["name"],
        "summary": version["summary"],
        "conversation_rules": "\n".join(version["conversation_rules"]),
    }


def phase_values(phase: dict) -> dict:
    return {
        "name": phase["name"],
        "purpose": phase["purpose"],
        "questions": "\n".join(phase["questions"]),
        "minutes": phase["minutes"],
        "card_kinds": list(phase["card_kinds"]),
    }


def _apply(instance, values: dict) -> bool:
    """Sets the values that differ; True when something changed."""
    changed = False
    for name, value in values.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed = True
    return changed


@transaction.atomic
def sync_shipped_methods(method_model=None, phase_model=None, data_dir: Path = DATA_DIR):
    """Creates or updates the shipped methods from the data files. Idempotent: a second run
    changes nothing. Phases are updated in place by position, so harvest cards keep their phase."""
    if method_model is None or phase_model is None:
        from .models import Method, Phase

        method_model, phase_model = Method, Phase
    result = SyncResult()
    for family in read_families(data_dir):
        for language, version in family["versions"].items():
            method = method_model.objects.filter(
                organisation__isnull=True, family=family["family"], language=language
            ).first()
            if method is None:
                method = method_model.objects.create(
                    organisation=None,
                    family=family["family"],
                    language=language,
                    **method_values(version),
                )
                _sync_phases(phase_model, method, version["phases"])
                result.created += 1
                continue
            changed = _apply(method, method_values(version))
            if changed:
                method.save()
            if _sync_phases(phase_model, method, version["phases"]) or changed:
                result.updated += 1
            else:
                result.unchanged += 1
    return result


def _sync_phases(phase_model, method, phases: list[dict]) -> bool:
    existing = {phase.position: phase for phase in phase_model.objects.filter(method=method)}
    changed = False
    for position, data in enumerate(phases, start=1):
        phase = existing.pop(position, None)
        if phase is None:
            phase_model.objects.create(method=method, position=position, **phase_values(data))
            changed = True
        elif _apply(phase, phase_values(data)):
            phase.save()
            changed = True
    if existing:
        phase_model.objects.filter(pk__in=[phase.pk for phase in existing.values()]).delete()
        changed = True
    return changed


def remove_shipped_methods(method_model, phase_model, data_dir: Path = DATA_DIR) -> None:
    """Undoes the data migration: removes the shipped methods of the data files."""
    families = [family["family"] for family in read_families(data_dir)]
    methods = method_model.objects.filter(organisation__isnull=True, family__in=families)
    phase_model.objects.filter(method__in=methods).delete()
    methods.delete()


@dataclass(frozen=True)
class LookBackRound:
    """The optional short terugblik round of a shipped method, in one language."""

    name: str
    purpose: str
    questions: tuple[str, ...]
    minutes: int


@functools.cache
def _look_back_rounds() -> dict[tuple[str, str], LookBackRound]:
    rounds = {}
    for family in read_families():
        for language, version in family["versions"].items():
            data = version.get("look_back")
            if data:
                rounds[(family["family"], language)] = LookBackRound(
                    name=data["name"],
                    purpose=data.get("purpose", ""),
                    questions=tuple(data["questions"]),
                    minutes=data["minutes"],
                )
    return rounds


def look_back_round(family: str, language: str) -> LookBackRound | None:
    """The terugblik round of a method family (own copies keep their family), or None."""
    return _look_back_rounds().get((family, language))
