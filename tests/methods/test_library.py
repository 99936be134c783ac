"""Domain functions of the method library: copy, adapt, and phases that stay in order."""

import pytest
from django.core.exceptions import ValidationError

from wijkdialoog.core.models import AuditEntry
from wijkdialoog.methods import library
from wijkdialoog.methods.models import Method, Phase


def positions(method):
    return list(method.phases.values_list("position", flat=True))


def names(method):
    return list(method.phases.values_list("name", flat=True))


def test_a_copy_has_both_languages_with_every_phase_and_points_at_its_original(
    waarderende_dialoog, organisation, organiser
):
    copy = library.copy_method(
        method=waarderende_dialoog, organisation=organisation, actor=organiser.person.user
    )

    assert copy.organisation == organisation
    assert copy.language == "nl"
    assert copy.based_on == waarderende_dialoog
    versions = Method.objects.filter(organisation=organisation, family=copy.family)
    assert set(versions.values_list("language", flat=True)) == {"nl", "en"}
    for version in versions:
        original = version.based_on
        assert original.organisation is None and original.language == version.language
        assert version.conversation_rules == original.conversation_rules
        assert list(version.phases.values_list("position", "name", "questions", "minutes")) == (
            list(original.phases.values_list("position", "name", "questions", "minutes"))
        )
        assert names(version) == names(original)
    entries = AuditEntry.objects.filter(action="method.copied")
    assert entries.count() == 2
    assert all(entry.actor == organiser.person.user for entry in entries)


def test_copying_from_the_english_version_returns_the_english_copy(shipped_methods, organisation):
    english = shipped_methods.get(family="oasis", language="en")

    copy = library.copy_method(method=english, organisation=organisation, actor=None)

    assert copy.language == "en"
    assert copy.based_on == english
    assert Method.objects.filter(organisation=organisation).count() == 2


def test_a_second_copy_gets_its_own_key(waarderende_dialoog, organisation):
    first = library.copy_method(method=waarderende_dialoog, organisation=organisation, actor=None)
    second = library.copy_method(method=waarderende_dialoog, organisation=organisation, actor=None)

    assert first.family != second.family
    assert Method.objects.filter(organisation=organisation).count() == 4


def test_changing_an_own_method_is_saved_and_logged(own_method, organiser):
    library.update_method(method=own_method, actor=organiser.person.user, name="Onze avond")

    assert Method.objects.get(pk=own_method.pk).name == "Onze avond"
    entry = AuditEntry.objects.get(action="method.changed")
    assert entry.payload["name"][1] == "Onze avond"


def test_a_shipped_method_cannot_be_changed(waarderende_dialoog):
    phase = waarderende_dialoog.phases.first()

    with pytest.raises(library.ShippedMethodIsReadOnly):
        library.update_method(method=waarderende_dialoog, actor=None, name="Anders")
    with pytest.raises(library.ShippedMethodIsReadOnly):
        library.add_phase(
            method=waarderende_dialoog, actor=None, name="X", questions="X?", minutes=5
        )
    with pytest.raises(library.ShippedMethodIsReadOnly):
        library.delete_phase(phase=phase, actor=None)
    with pytest.raises(library.ShippedMethodIsReadOnly):
        library.move_phase(phase=phase, actor=None, direction="down")
    assert Method.objects.get(pk=waarderende_dialoog.pk).name == "Waarderende dialoog"
    assert waarderende_dialoog.phases.count() == 6


def test_a_new_phase_comes_last(own_method):
    phase = library.add_phase(
        method=own_method,
        actor=None,
        name="Vieren",
        purpose="",
        questions="Waar ben je blij mee?",
        minutes=10,
        card_kinds=["quote"],
    )

    assert phase.position == 7
    assert positions(own_method) == [1, 2, 3, 4, 5, 6, 7]
    assert AuditEntry.objects.filter(action="method.phase_added").exists()


def test_removing_a_phase_closes_the_gap(own_method):
    before = names(own_method)

    library.delete_phase(phase=own_method.phases.get(position=3), actor=None)

    assert positions(own_method) == [1, 2, 3, 4, 5]
    assert names(own_method) == before[:2] + before[3:]
    assert AuditEntry.objects.filter(action="method.phase_removed").exists()


def test_the_last_phase_cannot_be_removed(own_method):
    own_method.phases.exclude(position=1).delete()

    with pytest.raises(ValidationError):
        library.delete_phase(phase=own_method.phases.get(), actor=None)
    assert own_method.phases.count() == 1


def test_moving_a_phase_swaps_it_with_its_neighbour(own_method):
    before = names(own_method)
    phase = own_method.phases.get(position=2)

    library.move_phase(phase=phase, actor=None, direction="down")
    assert names(own_method) == [before[0], before[2], before[1], *before[3:]]

    library.move_phase(phase=Phase.objects.get(pk=phase.pk), actor=None, direction="up")
    library.move_phase(phase=Phase.objects.get(pk=phase.pk), actor=None, direction="up")
    assert names(own_method) == [before[1], before[0], *before[2:]]
    assert positions(own_method) == [1, 2, 3, 4, 5, 6]


def test_moving_past_either_end_changes_nothing(own_method):
    before = names(own_method)

    library.move_phase(phase=own_method.phases.get(position=1), actor=None, direction="up")
    library.move_phase(phase=own_method.phases.get(position=6), actor=None, direction="down")

    assert names(own_method) == before
    assert not AuditEntry.objects.filter(action="method.phase_moved").exists()


def test_changing_a_phase_is_logged_with_what_changed(own_method):
    phase = own_method.phases.get(position=2)

    library.update_phase(phase=phase, actor=None, minutes=20)

    entry = AuditEntry.objects.get(action="method.phase_changed")
    assert entry.payload == {"position": 2, "minutes": [25, 20]}
