"""The methods that come with Wijkdialoog: loaded by the data migration, kept up to date by
`wijkdialoog load_methods`, in Dutch and English with matching phases."""

import json

import pytest
from django.core.management import call_command

from wijkdialoog.methods.kinds import CardKind
from wijkdialoog.methods.models import Method, Phase
from wijkdialoog.methods.selection import default_builtin_method
from wijkdialoog.methods.shipped import DATA_DIR, sync_shipped_methods

FAMILIES = {"waarderende-dialoog", "appreciative-inquiry", "oasis", "thema-verkenning"}
DIALOGUE_FAMILIES = FAMILIES


def shipped():
    return Method.objects.filter(organisation__isnull=True)


def test_the_migration_loads_four_methods_in_dutch_and_english(db):
    versions = set(shipped().values_list("family", "language"))

    assert versions == {(family, language) for family in FAMILIES for language in ("nl", "en")}


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_both_languages_have_the_same_phases_minutes_and_card_kinds(db, family):
    dutch = shipped().get(family=family, language="nl")
    english = shipped().get(family=family, language="en")
    dutch_phases = list(dutch.phases.values_list("position", "minutes", "card_kinds"))

    assert dutch_phases == list(english.phases.values_list("position", "minutes", "card_kinds"))
    assert [p for p, *_ in dutch_phases] == list(range(1, len(dutch_phases) + 1))
    assert dutch.name != english.name


def test_the_waarderende_dialoog_takes_two_to_two_and_a_half_hours_in_six_phases(db):
    for language in ("nl", "en"):
        method = shipped().get(family="waarderende-dialoog", language=language)
        assert 135 <= method.total_minutes() <= 150
        assert method.phases.count() == 6
    names = list(
        shipped()
        .get(family="waarderende-dialoog", language="nl")
        .phases.values_list("name", flat=True)
    )
    assert names == [
        "Opening en gespreksregels",
        "Kennismaken",
        "Ervaringen delen",
        "Dromen",
        "Doen",
        "Afronding en evaluatie",
    ]


def test_the_other_methods_have_their_steps_and_a_sensible_length(db):
    oasis = shipped().get(family="oasis", language="nl")
    assert list(oasis.phases.values_list("name", flat=True)) == [
        "Waarderen",
        "Verbinden",
        "Dromen",
        "Zorgen",
        "Creëren",
        "Vieren",
        "Samen verder",
    ]
    english_ai = shipped().get(family="appreciative-inquiry", language="en")
    assert list(english_ai.phases.values_list("name", flat=True)) == [
        "Define",
        "Discover",
        "Dream",
        "Design",
        "Deliver",
    ]
    for method in shipped().exclude(family="thema-verkenning"):
        assert 120 <= method.total_minutes() <= 150, method
    for method in shipped().filter(family="thema-verkenning"):
        assert 45 <= method.total_minutes() <= 90


def test_every_phase_has_a_purpose_two_to_five_questions_minutes_and_known_card_kinds(db):
    phases = Phase.objects.filter(method__organisation__isnull=True)
    assert phases.count() == 2 * (6 + 5 + 7 + 5)
    for phase in phases:
        assert phase.purpose, phase
        assert 2 <= len(phase.questions_list) <= 5, phase
        assert all(q.endswith("?") for q in phase.questions_list), phase
        assert 1 <= phase.minutes <= 240
        assert phase.card_kinds and set(phase.card_kinds) <= set(CardKind.values), phase


def test_every_dialogue_method_has_the_conversation_rules(db):
    for method in shipped().filter(family__in=DIALOGUE_FAMILIES):
        assert len(method.rules_list) == 6, method
    rules = shipped().get(family="waarderende-dialoog", language="en").rules_list
    assert any("yourself" in rule for rule in rules)
    assert any("advice" in rule for rule in rules)
    assert any("stays at the table" in rule for rule in rules)


def test_the_phases_collect_the_kinds_of_card_the_method_describes(db):
    method = shipped().get(family="waarderende-dialoog", language="nl")
    kinds = {phase.name: set(phase.card_kinds) for phase in method.phases.all()}
    assert {"experience", "value"} <= kinds["Kennismaken"]
    assert {"experience", "quote", "value"} <= kinds["Ervaringen delen"]
    assert {"dream", "need"} <= kinds["Dromen"]
    assert {"action", "initiative", "idea", "question"} <= kinds["Doen"]
    assert {"concern", "quote"} <= kinds["Afronding en evaluatie"]


def test_load_methods_changes_nothing_on_a_second_run(db, capsys):
    before = list(Phase.objects.order_by("pk").values_list("pk", "updated_at"))

    call_command("load_methods")

    assert "0 created, 0 updated, 8 unchanged" in capsys.readouterr().out
    assert list(Phase.objects.order_by("pk").values_list("pk", "updated_at")) == before


def test_load_methods_brings_back_changed_text_and_keeps_the_phase_rows(db):
    method = shipped().get(family="oasis", language="nl")
    phase = method.phases.get(position=3)
    phase.questions = "Een oude vraag?"
    phase.minutes = 99
    phase.save()
    method.phases.filter(position=7).delete()
    Phase.objects.create(method=method, position=8, name="Extra", questions="Extra?", minutes=5)

    result = sync_shipped_methods()

    assert (result.created, result.updated, result.unchanged) == (0, 1, 7)
    phase.refresh_from_db()
    assert phase.minutes == 25 and "Als alles kon" in phase.questions
    assert list(method.phases.values_list("position", flat=True)) == list(range(1, 8))


def test_load_methods_recreates_methods_that_are_missing(db):
    shipped().delete()

    result = sync_shipped_methods()

    assert result.created == 8
    assert shipped().count() == 8


def test_the_default_method_is_the_shipped_waarderende_dialoog(db):
    assert default_builtin_method().family == "waarderende-dialoog"
    assert default_builtin_method().language == "nl"
    assert default_builtin_method("en").language == "en"
    assert default_builtin_method("fr").language == "nl"


def test_the_default_method_is_loaded_again_after_a_flush(db):
    shipped().delete()

    assert default_builtin_method().name == "Waarderende dialoog"


def test_the_data_files_are_valid_json_with_both_languages(db):
    for path in DATA_DIR.glob("*.json"):
        family = json.loads(path.read_text(encoding="utf-8"))
        assert set(family["versions"]) == {"nl", "en"}
        assert path.stem == family["family"]


def test_the_data_migration_can_be_undone_and_done_again(db):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("wijkdialoog.methods.migrations.0002_shipped_methods")
    own = Method.objects.create(organisation=None, family="eigen", name="Eigen", language="nl")

    migration.unload(apps, None)
    assert list(shipped()) == [own]
    assert not Phase.objects.exists()

    migration.load(apps, None)
    assert shipped().count() == 9
