"""In the demo the organisation shares: Wijkdialogen in beweging shows its published reports
and its neighbourhood story, each link opens."""

from django.urls import reverse

from wijkdialoog.learning.collection_entries import EntryKind, all_entries
from wijkdialoog.learning.demo_collection import load_collection
from wijkdialoog.site.management.commands.demo import load_demo


def test_the_demo_collection_shows_the_shared_reports_and_story(client, db):
    context = load_demo()
    load_collection(context)

    entries = all_entries()

    kinds = {entry.kind for entry in entries}
    assert {EntryKind.MEETING_REPORT, EntryKind.SERIES_REPORT} <= kinds
    assert {entry.organisation for entry in entries} == {context["organisation"].name}
    assert any(entry.themes for entry in entries)
    for entry in entries:
        assert client.get(entry.path).status_code == 200, entry.path
    page = client.get(reverse("collection"), {"neighbourhood": "Kersenbuurt"})
    assert page.context["collection"].total >= 3
