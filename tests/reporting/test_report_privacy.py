"""Nothing internal or private ever appears in a public format of a report: the web page, the
A4 PDF and the A3 poster, of a meeting and of a series. The internal version does show internal
cards; the partner version follows the organisation's sharing setting."""

import pytest
from django.urls import reverse

from tests.builders import make_membership
from tests.pdfs import pdf_text
from tests.reporting.test_report_seed import (
    AGENDA_ITEM,
    CONCERN,
    CONSENTED_NAME,
    CONTEXT,
    HIGHLIGHT,
    INTERNAL_CARD,
    MINORITY_NEEDS,
    PRIVATE_ACTION,
    RECOMMENDATION,
    SECRETS,
    THEME_NAME,
    seed_report,
)
from wijkdialoog.reporting import reports
from wijkdialoog.synthesis.models import HarvestSharing


def _text(response, tmp_path, name):
    if response["Content-Type"] == "application/pdf":
        path = tmp_path / name
        path.write_bytes(response.content)
        return " ".join(pdf_text(path).split())
    return response.content.decode()


def _public_formats(client, tmp_path, names):
    page, pdf, poster = (client.get(reverse(name, args=args)) for name, args in names)
    assert (page.status_code, pdf.status_code, poster.status_code) == (200, 200, 200)
    return (
        _text(page, tmp_path, "page"),
        _text(pdf, tmp_path, "report.pdf"),
        _text(poster, tmp_path, "poster.pdf"),
    )


def _meeting_names(meeting):
    return [(f"report-meeting-{kind}", [meeting.pk]) for kind in ("public", "pdf", "poster")]


def test_no_public_format_of_a_meeting_report_shows_anything_internal_or_private(
    client, neighbourhood, organiser, tmp_path
):
    seeded = seed_report(neighbourhood, organiser)

    page, report_pdf, poster = _public_formats(client, tmp_path, _meeting_names(seeded.meeting))

    for text in (page, report_pdf, poster):
        for secret in SECRETS:
            assert secret not in text
    for expected in (THEME_NAME, HIGHLIGHT, AGENDA_ITEM, MINORITY_NEEDS, CONCERN, CONTEXT):
        assert expected in page
        assert expected in report_pdf
    assert RECOMMENDATION in page
    assert CONSENTED_NAME in page
    assert THEME_NAME in poster and HIGHLIGHT in poster


def test_no_public_format_of_a_series_report_shows_anything_internal_or_private(
    client, neighbourhood, organiser, tmp_path
):
    seeded = seed_report(neighbourhood, organiser)
    series = seeded.series
    reports.publish(subject=series, actor=organiser.person.user)
    args = [series.organisation.slug, neighbourhood.slug, series.slug]
    names = [(f"report-series-{kind}", args) for kind in ("public", "pdf", "poster")]

    page, report_pdf, poster = _public_formats(client, tmp_path, names)

    for text in (page, report_pdf, poster):
        for secret in SECRETS:
            assert secret not in text
    assert HIGHLIGHT in page and AGENDA_ITEM in report_pdf and THEME_NAME in poster


def test_the_internal_version_shows_internal_cards_but_never_a_private_action(
    client, neighbourhood, organiser, tmp_path
):
    seeded = seed_report(neighbourhood, organiser)
    client.force_login(organiser.person.user)

    page = client.get(reverse("report-meeting-internal", args=[seeded.meeting.pk]))
    report_pdf = client.get(reverse("report-meeting-internal-pdf", args=[seeded.meeting.pk]))

    assert INTERNAL_CARD in page.content.decode()
    assert PRIVATE_ACTION not in page.content.decode()
    assert INTERNAL_CARD in _text(report_pdf, tmp_path, "internal.pdf")


@pytest.mark.parametrize("shared", [False, True])
def test_the_partner_version_shows_internal_cards_only_where_the_organisation_shares_them(
    client, neighbourhood, organiser, partner, shared
):
    seeded = seed_report(neighbourhood, organiser)
    HarvestSharing.objects.create(
        organisation=neighbourhood.organisation, partners_see_internal=shared
    )
    client.force_login(partner.person.user)

    page = client.get(reverse("report-meeting-internal", args=[seeded.meeting.pk]))

    assert page.status_code == 200
    assert (INTERNAL_CARD in page.content.decode()) is shared
    assert PRIVATE_ACTION not in page.content.decode()
    assert 'id="report-audience-notice"' in page.content.decode()


def test_a_partner_of_another_organisation_gets_no_version_at_all(
    client, neighbourhood, organiser, other_organisation
):
    seeded = seed_report(neighbourhood, organiser)
    stranger = make_membership(
        other_organisation,
        "partner",
        first_name="Sanne",
        email="sanne@example.org",
        partner_kind="gemeente",
    )
    client.force_login(stranger.person.user)

    response = client.get(reverse("report-meeting-internal", args=[seeded.meeting.pk]))

    assert response.status_code == 403
