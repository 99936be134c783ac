"""A report in its formats: the sections it has (the same list makes the web page's contents,
the PDF's table of contents and its headings), its public address, the A4 PDF and the A3
poster with a QR code to the web page."""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wijkdialoog.core import pdf
from wijkdialoog.dialogues.models import Meeting, Series
from wijkdialoog.followup.models import AgreementStatus

from .assemble import ReportData
from .charts import Chart, bar_chart
from .models import Report

# The dreams and quotes a poster has room for.
POSTER_DREAMS = 4
POSTER_QUOTES = 3
POSTER_THEMES = 6


# The two spots other parts of this app fill in (ReportData.who_came and .what_it_did): the
# template each is shown with, only when its data is present.
SPOT_TEMPLATES = {
    "who_came": "reporting/includes/who_came.html",
    "what_it_did": "reporting/includes/what_it_did.html",
}


@dataclass(frozen=True)
class Section:
    key: str
    title: Promise

    @property
    def id(self) -> str:
        return "report-" + self.key.replace("_", "-")


def sections(data: ReportData) -> list[Section]:
    """The report's sections that have something to say, in reading order."""
    harvest, followup = data.harvest, data.followup
    present = [
        ("context", _("About this dialogue"), True),
        ("participation", _("Who took part"), True),
        ("who_came", _("Who came, and who lives here"), data.who_came is not None),
        ("method", _("How we talked"), bool(data.methods)),
        ("harvest", _("What was said, round by round"), bool(harvest.rounds)),
        ("themes", _("Common threads"), bool(harvest.themes or harvest.story)),
        (
            "also_heard",
            _("What we also heard"),
            bool(harvest.concerns or followup.minority_voices),
        ),
        (
            "split",
            _("What we do ourselves, and what we ask of partners"),
            bool(harvest.ourselves or harvest.asked_of_partners),
        ),
        ("wijkagenda", _("The neighbourhood agenda"), bool(followup.items)),
        (
            "deeds",
            _("Initiatives and agreements"),
            bool(followup.initiatives or followup.agreements),
        ),
        (
            "participants_said",
            _("What participants said of the dialogue"),
            bool(data.participants_said),
        ),
        ("what_it_did", _("What it did for people"), data.what_it_did is not None),
        ("next", _("The next meeting"), data.next_meeting is not None),
        ("recommendations", _("Recommendations"), bool(data.recommendations)),
    ]
    return [Section(key=key, title=title) for key, title, shown in present if shown]


def agreement_chart(data: ReportData) -> Chart | None:
    agreements = [shown.agreement for shown in data.followup.agreements]
    if not agreements:
        return None
    labels = [str(label) for _value, label in AgreementStatus.choices]
    counts = [
        float(sum(1 for agreement in agreements if agreement.status == value))
        for value, _label in AgreementStatus.choices
    ]
    return bar_chart(
        title=str(_("Agreements by status")),
        description=str(
            _("How many agreements have each status: %(figures)s.")
            % {
                "figures": ", ".join(
                    f"{label} {count:g}" for label, count in zip(labels, counts, strict=True)
                )
            }
        ),
        labels=labels,
        series=[(str(_("Agreements")), counts)],
        unit="",
    )


def public_path(report: Report) -> str:
    if report.meeting_id:
        return reverse("report-meeting-public", args=[report.meeting_id])
    series = report.series
    assert series is not None
    return reverse(
        "report-series-public",
        args=[series.organisation.slug, series.neighbourhood.slug, series.slug],
    )


def public_url(report: Report) -> str:
    return str(settings.SITE_URL) + public_path(report)


def filename(data: ReportData, kind: str) -> str:
    subject: Meeting | Series = data.meeting or data.series
    day = data.last_date.date().isoformat() if data.last_date else ""
    return slugify(f"{kind} {data.neighbourhood.name} {subject.pk} {day}") + ".pdf"


def _public_formats(report: Report) -> dict[str, str]:
    if report.meeting_id:
        args: list[Any] = [report.meeting_id]
        names = ("report-meeting-pdf", "report-meeting-poster")
    else:
        series = report.series
        assert series is not None
        args = [series.organisation.slug, series.neighbourhood.slug, series.slug]
        names = ("report-series-pdf", "report-series-poster")
    return {"pdf_url": reverse(names[0], args=args), "poster_url": reverse(names[1], args=args)}


def context(data: ReportData, **extra: Any) -> dict[str, Any]:
    shown = sections(data)
    formats = _public_formats(data.report) if data.is_public and data.report.is_published else {}
    return {
        "data": data,
        "report": data.report,
        "series": data.series,
        "neighbourhood": data.neighbourhood,
        "organisation": data.series.organisation,
        "sections": shown,
        "titles": {section.key: section.title for section in shown},
        "agreement_chart": agreement_chart(data),
        "spot_templates": SPOT_TEMPLATES,
        **formats,
        **extra,
    }


def render_pdf(data: ReportData) -> bytes:
    """The A4 report: a title page with the table of contents, page numbers on every page."""
    return pdf.render("reporting/report_pdf.html", context(data, printing=True))


def render_poster(data: ReportData) -> bytes:
    """The A3 placemat for the community centre: themes, dreams, quotes, the next date and a
    QR code to the report's web page."""
    url = public_url(data.report)
    return pdf.render(
        "reporting/poster.html",
        context(
            data,
            qr=pdf.qr_data_uri(url),
            readable_link=url.removeprefix("https://").removeprefix("http://"),
            dreams=data.harvest.dreams[:POSTER_DREAMS],
            quotes=data.harvest.quotes[:POSTER_QUOTES],
            themes=data.harvest.themes[:POSTER_THEMES],
        ),
    )
