from django.utils import timezone

from wijkdialoog.community import demo as community_demo
from wijkdialoog.core.demo_support import DemoContext
from wijkdialoog.dialogues import availability, planning
from wijkdialoog.dialogues import demo as dialogues_demo


def _load():
    context = DemoContext()
    community_demo.load(context)
    dialogues_demo.load(context)
    return context


def test_the_demo_has_meetings_behind_and_ahead_of_today(db):
    context = _load()
    meetings = context["meetings"]
    now = timezone.now()

    assert set(meetings) == {
        "kersenbuurt_past_1",
        "kersenbuurt_past_2",
        "kersenbuurt_next",
        "kersenbuurt_later",
        "rietveld_next",
    }
    assert meetings["kersenbuurt_past_1"].ends_at < meetings["kersenbuurt_past_2"].ends_at < now
    soon = meetings["kersenbuurt_next"]
    assert 9 <= (soon.starts_at - now).days <= 10
    assert soon.is_published
    later = meetings["kersenbuurt_later"]
    assert later.publish_at > now and not later.is_published
    assert meetings["rietveld_next"].is_published
    assert availability.state(soon) == availability.State.OPEN


def test_the_demo_series_venues_and_tables_follow_the_rules(db):
    context = _load()
    kersenbuurt = context["series"]["kersenbuurt"]
    assert kersenbuurt.theme == "Thuis in de Kersenbuurt"
    assert kersenbuurt.cadence_weeks == 8
    assert kersenbuurt.initiators.count() == 2
    assert context["series"]["rietveld"].neighbourhood.slug == "rietveld"
    assert len(context["venues"]) == 2

    tables = [t for group in context["tables"].values() for t in group]
    assert all(planning.is_trained_facilitator(t.facilitator) for t in tables)
    assert all(t.facilitator_override_reason == "" for t in tables)
    next_tables = context["tables"]["kersenbuurt_next"]
    assert sorted(t.seats for t in next_tables) == [6, 8, 8]
    assert [t.language for t in next_tables].count("en") == 1
