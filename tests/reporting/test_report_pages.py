"""The report's pages for every persona, publishing and taking offline (audited), 404 while
unpublished, the links from the neighbourhood, meeting and series pages, and a fixed number of
queries however large the harvest."""

import pytest
from django.urls import reverse

from tests.builders import make_card, make_harvest_meeting, make_meeting, phase
from tests.reporting.test_report_seed import CONTEXT, seed_report
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.reporting import reports
from wijkdialoog.reporting.models import Report


def test_the_organiser_writes_the_texts_in_dutch_and_english(client, neighbourhood, organiser):
    meeting = make_harvest_meeting(neighbourhood)
    client.force_login(organiser.person.user)
    url = reverse("report-meeting-manage", args=[meeting.pk])

    response = client.post(url, {"context": "Waarom we dit deden", "context_en": "Why we did this"})

    assert response.status_code == 302
    report = Report.objects.get(meeting=meeting)
    assert (report.context, report.context_en) == ("Waarom we dit deden", "Why we did this")
    assert report.organisation_id == meeting.organisation_id
    assert AuditEntry.objects.filter(action="report.texts_saved").count() == 1


def test_the_organiser_sees_how_readable_the_saved_dutch_texts_are_and_which_sentence_is_long(
    client, neighbourhood, organiser
):
    meeting = make_harvest_meeting(neighbourhood)
    client.force_login(organiser.person.user)
    url = reverse("report-meeting-manage", args=[meeting.pk])
    long_sentence = (
        "Wij hebben op deze avond met heel veel verschillende buren uit alle straten van de buurt "
        "gesproken over wat zij belangrijk vinden en wat zij samen willen gaan doen in het park."
    )
    client.post(url, {"recommendations": "Kom vaker samen. " + long_sentence})

    page = client.get(url).content.decode()

    assert 'id="id_recommendations_readability"' in page
    assert long_sentence[:40] in page.split('id="id_recommendations_readability"', 1)[1]
    # Only the Dutch texts get a score.
    assert 'id="id_recommendations_en_readability"' not in page


def test_opening_the_organiser_page_stores_nothing(client, neighbourhood, organiser):
    meeting = make_harvest_meeting(neighbourhood)
    client.force_login(organiser.person.user)

    assert client.get(reverse("report-meeting-manage", args=[meeting.pk])).status_code == 200
    assert not Report.objects.exists()


def test_publishing_and_taking_offline_are_audited_and_decide_the_public_page(
    client, neighbourhood, organiser
):
    seeded = seed_report(neighbourhood, organiser, publish=False)
    public = reverse("report-meeting-public", args=[seeded.meeting.pk])
    assert client.get(public).status_code == 404

    client.force_login(organiser.person.user)
    client.post(reverse("report-meeting-publish", args=[seeded.meeting.pk]))
    client.logout()
    assert client.get(public).status_code == 200

    client.force_login(organiser.person.user)
    client.post(reverse("report-meeting-unpublish", args=[seeded.meeting.pk]))
    client.logout()
    actions = list(AuditEntry.objects.filter(action__startswith="report.").values_list("action"))
    assert client.get(public).status_code == 404
    assert [a for (a,) in actions].count("report.published") == 1
    assert [a for (a,) in actions].count("report.unpublished") == 1


@pytest.mark.parametrize("kind", ["public", "pdf", "poster"])
def test_an_unpublished_report_does_not_exist_for_the_public(
    client, neighbourhood, organiser, kind
):
    seeded = seed_report(neighbourhood, organiser, publish=False)

    response = client.get(reverse(f"report-meeting-{kind}", args=[seeded.meeting.pk]))

    assert response.status_code == 404


def test_a_report_of_a_meeting_that_is_no_longer_published_is_not_found(
    client, neighbourhood, organiser
):
    seeded = seed_report(neighbourhood, organiser)
    seeded.meeting.publish_at = None
    seeded.meeting.save()

    assert client.get(reverse("report-meeting-public", args=[seeded.meeting.pk])).status_code == 404


def test_a_meeting_that_has_not_taken_place_cannot_be_reported_yet(neighbourhood, organiser):
    meeting = make_meeting(neighbourhood, days=5)

    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        reports.publish(subject=meeting, actor=organiser.person.user)


def test_the_pages_per_persona(assert_access, neighbourhood, organiser, partner):
    seeded = seed_report(neighbourhood, organiser)
    meeting, series = seeded.meeting, seeded.series

    assert_access(reverse("report-meeting-manage", args=[meeting.pk]), allowed={"organiser"})
    assert_access(reverse("report-series-manage", args=[series.pk]), allowed={"organiser"})
    assert_access(reverse("report-meeting-preview", args=[meeting.pk]), allowed={"organiser"})
    assert_access(
        reverse("report-meeting-publish", args=[meeting.pk]),
        allowed={"organiser"},
        method="post",
        status=302,
    )
    assert_access(
        reverse("report-meeting-internal", args=[meeting.pk]), allowed={"organiser", "partner"}
    )
    assert_access(
        reverse("report-meeting-internal-pdf", args=[meeting.pk]),
        allowed={"organiser", "partner"},
    )
    reports.publish(subject=series, actor=organiser.person.user)
    assert_access(
        reverse("report-series-internal", args=[series.pk]), allowed={"organiser", "partner"}
    )


def test_a_partner_sees_no_unpublished_draft(client, neighbourhood, organiser, partner):
    seeded = seed_report(neighbourhood, organiser, publish=False)
    client.force_login(partner.person.user)

    response = client.get(reverse("report-meeting-internal", args=[seeded.meeting.pk]))

    assert response.status_code == 404


def test_the_public_page_is_open_to_everyone_once_published(client_for, neighbourhood, organiser):
    seeded = seed_report(neighbourhood, organiser)
    url = reverse("report-meeting-public", args=[seeded.meeting.pk])

    for persona in ("anonymous", "organiser", "facilitator", "partner", "trainer", "outsider"):
        client = client_for(persona)
        assert client.get(url).status_code == 200, persona
        client.logout()


def test_the_neighbourhood_and_past_meeting_pages_link_to_the_published_report(
    client, neighbourhood, organiser
):
    seeded = seed_report(neighbourhood, organiser)
    report_path = reverse("report-meeting-public", args=[seeded.meeting.pk])

    place = client.get(
        reverse("neighbourhood-public", args=[neighbourhood.organisation.slug, neighbourhood.slug])
    )
    meeting_page = client.get(reverse("meeting-public", args=[seeded.meeting.pk]))

    assert report_path in place.content.decode()
    assert report_path in meeting_page.content.decode()


def test_no_link_to_a_report_that_is_not_published(client, neighbourhood, organiser):
    seeded = seed_report(neighbourhood, organiser, publish=False)

    page = client.get(reverse("meeting-public", args=[seeded.meeting.pk])).content.decode()

    assert "/verslag/" not in page


def test_the_organiser_pages_link_to_the_report(client, neighbourhood, organiser):
    seeded = seed_report(neighbourhood, organiser)
    client.force_login(organiser.person.user)

    meeting_page = client.get(reverse("meeting-manage", args=[seeded.meeting.pk])).content.decode()
    series_page = client.get(reverse("series-detail", args=[seeded.series.pk])).content.decode()

    assert reverse("report-meeting-manage", args=[seeded.meeting.pk]) in meeting_page
    assert reverse("report-series-manage", args=[seeded.series.pk]) in series_page


def test_the_series_report_page_takes_a_fixed_number_of_queries(
    client, neighbourhood, organiser, django_assert_max_num_queries
):
    seeded = seed_report(neighbourhood, organiser)
    reports.publish(subject=seeded.series, actor=organiser.person.user)
    series = seeded.series
    url = reverse(
        "report-series-public", args=[series.organisation.slug, neighbourhood.slug, series.slug]
    )
    client.get(url)
    for _ in range(3):
        extra = make_harvest_meeting(neighbourhood, days=-3)
        extra.series = series
        extra.save()
        for number in range(20):
            make_card(extra, f"Nog een kaart {number}", phase=phase(extra, 2), kind="dream")

    # 21 today, with one meeting or four: the subject, the meetings with their methods, the
    # cards, highlights, themes, story, wijkagenda, decisions, agreements, initiatives, counts;
    # who came: the registrations of those who came, the population figures, the channels; and
    # what it did for people: the evaluations.
    with django_assert_max_num_queries(21):
        response = client.get(url)

    assert response.status_code == 200
    assert CONTEXT not in response.content.decode()  # the series' own texts, not the meeting's


def test_an_english_visitor_reads_the_organisers_english_texts(client, neighbourhood, organiser):
    seeded = seed_report(neighbourhood, organiser)
    reports.save_texts(
        subject=seeded.meeting,
        actor=organiser.person.user,
        context_en="We wanted to know what the neighbourhood wants to do together",
    )
    client.cookies["django_language"] = "en"

    page = client.get(
        reverse("report-meeting-public", args=[seeded.meeting.pk]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    assert "We wanted to know what the neighbourhood wants to do together" in page
    assert CONTEXT not in page
    # No English recommendation: the Dutch one, marked as Dutch.
    assert 'lang="nl"' in page
