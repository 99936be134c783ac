"""The demo: series follow a shipped method, one upcoming meeting the organisation's own short
evening version."""

from django.utils import timezone

from wijkdialoog.community import demo as community_demo
from wijkdialoog.core.demo_support import DemoContext
from wijkdialoog.dialogues import demo as dialogues_demo
from wijkdialoog.methods import demo as methods_demo
from wijkdialoog.methods.models import Method
from wijkdialoog.methods.selection import method_for_table


def load():
    context = DemoContext()
    community_demo.load(context)
    dialogues_demo.load(context)
    methods_demo.load(context)
    return context


def test_the_demo_series_follow_the_waarderende_dialoog_and_the_oasis_steps(db):
    Method.objects.filter(organisation__isnull=True).delete()  # as after the demo's flush

    context = load()

    kersenbuurt = context["series"]["kersenbuurt"]
    rietveld = context["series"]["rietveld"]
    kersenbuurt.refresh_from_db()
    rietveld.refresh_from_db()
    assert kersenbuurt.default_method == context["methods"]["waarderende_dialoog"]
    assert kersenbuurt.default_method.is_builtin and kersenbuurt.default_method.language == "nl"
    assert rietveld.default_method.family == "oasis"
    assert Method.objects.filter(organisation__isnull=True).count() == 8


def test_one_upcoming_meeting_uses_the_short_evening_version(db):
    context = load()
    short = context["methods"]["korte_avondversie"]
    meetings = context["meetings"]

    assert short.name == "Waarderende dialoog – korte avondversie"
    assert short.organisation == context["organisation"]
    assert short.based_on == context["methods"]["waarderende_dialoog"]
    assert short.total_minutes() == 120
    assert context["methods"]["korte_avondversie_en"].total_minutes() == 120
    users = [m for m in meetings.values() if m.effective_method == short]
    assert [m.pk for m in users] == [meetings["kersenbuurt_later"].pk]
    assert users[0].starts_at > timezone.now()
    assert (
        meetings["kersenbuurt_next"].effective_method == context["methods"]["waarderende_dialoog"]
    )


def test_every_demo_table_has_a_method_in_its_language(db):
    context = load()

    for tables in context["tables"].values():
        for table in tables:
            method = method_for_table(table)
            assert method is not None
            assert method.language == ("en" if table.language == "en" else "nl")
            assert method.phases.exists()
