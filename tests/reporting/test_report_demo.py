"""In the demo, the two past Kersenbuurt meetings and the series each have a published report,
reachable from the neighbourhood page, with a PDF and a poster."""

from django.test import Client
from django.urls import reverse

from wijkdialoog.reporting.models import Report
from wijkdialoog.site.management.commands.demo import load_demo


def test_the_demo_has_published_reports_reachable_from_the_neighbourhood_page(db):
    load_demo()
    reports = list(Report.objects.filter(published_at__isnull=False).select_related("series"))
    meeting_reports = [report for report in reports if report.meeting_id]
    series_report = next(report for report in reports if report.series_id)
    place = series_report.series.neighbourhood
    client = Client()

    neighbourhood = client.get(
        reverse("neighbourhood-public", args=[place.organisation.slug, place.slug])
    ).content.decode()
    assert len(meeting_reports) == 2
    for report in meeting_reports:
        page = client.get(reverse("report-meeting-public", args=[report.meeting_id]))
        assert page.status_code == 200
        assert reverse("report-meeting-public", args=[report.meeting_id]) in neighbourhood
        assert report.context_en and report.recommendations_en
        assert report.recommendations.split(".")[0] in page.content.decode()
    args = [place.organisation.slug, place.slug, series_report.series.slug]
    series_page = client.get(reverse("report-series-public", args=args))
    assert series_page.status_code == 200
    assert "Thuis in je buurt" in series_page.content.decode()
    poster = client.get(reverse("report-series-poster", args=args))
    assert poster["Content-Type"] == "application/pdf"
