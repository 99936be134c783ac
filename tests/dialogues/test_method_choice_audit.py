from wijkdialoog.core.models import AuditEntry
from wijkdialoog.dialogues import planning
from wijkdialoog.methods.selection import default_builtin_method


def test_choosing_another_method_for_a_meeting_is_in_its_history(meeting, organiser):
    method = default_builtin_method()

    planning.update_meeting(meeting=meeting, actor=organiser.person.user, method=method)

    entry = AuditEntry.objects.get(action="meeting.changed", object_id=str(meeting.pk))
    assert entry.payload["method_id"] == [None, method.pk]


def test_choosing_the_default_method_of_a_series_is_in_its_history(series, organiser):
    method = default_builtin_method()

    planning.update_series(series=series, actor=organiser.person.user, default_method=method)

    entry = AuditEntry.objects.get(action="series.changed", object_id=str(series.pk))
    assert entry.payload["default_method_id"] == [None, method.pk]
