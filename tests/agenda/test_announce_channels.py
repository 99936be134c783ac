"""The agenda's channels: each has outreach's tracked link (/d/<code>/) that leads to the vote
(and to the results once it has closed), an A4 poster and A5 flyer whose QR code scans to that
link, and a share text. A voter who arrived through the link is counted for that channel; the
series' invitation channels and figures leave agenda channels out."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.agenda.voting_builders import make_agenda, vote
from tests.builders import make_channel, make_meeting, make_registration
from tests.conftest import PERSONAS
from tests.pdfs import page_size, pdf_info, pdf_text, qr_codes
from wijkdialoog.agenda import announce_channels
from wijkdialoog.agenda.models import Agenda, AgendaChannel, Voter
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.outreach import channels
from wijkdialoog.registrations.models import Channel

Kind = Channel.Kind
A4 = (595, 842)
A5 = (420, 595)


@pytest.fixture
def agenda(neighbourhood):
    return make_agenda(neighbourhood, statements=3)


def add_channel(agenda, kind=Kind.POSTER, label="") -> AgendaChannel:
    return announce_channels.create_agenda_channel(
        agenda=agenda, actor=None, kind=kind, label=label
    )


def path_of(item: AgendaChannel) -> str:
    return reverse("channel-link", args=[item.channel.code])


def test_an_organiser_adds_a_poster_channel_and_the_log_says_so(client_for, agenda):
    url = reverse("agenda-announce", args=[agenda.pk])
    response = client_for("organiser").post(url, {"kind": "poster", "label": " Buurthuis "})

    assert response.status_code == 302
    item = AgendaChannel.objects.select_related("channel").get(agenda=agenda)
    assert item.channel.series == agenda.series
    assert (item.channel.kind, item.channel.label) == (Kind.POSTER, "Buurthuis")
    assert not item.for_announcement
    entry = AuditEntry.objects.get(action="agenda.channel_created")
    assert entry.payload == {"channel": item.channel.pk, "kind": "poster", "announcement": False}
    page = client_for("organiser").get(url).content.decode()
    assert f"/d/{item.channel.code}/" in page
    assert reverse("agenda-channel-poster", args=[item.pk]) in page
    assert reverse("agenda-channel-flyer", args=[item.pk]) in page


@pytest.mark.parametrize("kind", ["email", "nonsense", ""])
def test_a_kind_that_is_not_offered_is_refused_next_to_the_field(client_for, agenda, kind):
    url = reverse("agenda-announce", args=[agenda.pk])
    response = client_for("organiser").post(url, {"kind": kind, "label": "Mijn lijst"})

    assert response.status_code == 200
    assert response.context["form"].errors["kind"]
    assert 'value="Mijn lijst"' in response.content.decode()
    assert not Channel.objects.exists()
    assert not AuditEntry.objects.filter(action="agenda.channel_created").exists()


def test_the_tracked_link_leads_to_the_vote_while_open_and_to_the_results_after(agenda):
    item = add_channel(agenda)
    client = Client()

    response = client.get(path_of(item))
    assert response.status_code == 302
    assert response["Location"] == reverse("agenda-vote", args=[agenda.token])
    assert client.session[channels.SESSION_KEY] == item.channel.pk

    Agenda.objects.filter(pk=agenda.pk).update(closes_at=timezone.now())
    response = client.get(path_of(item), follow=True)
    assert response.redirect_chain == [(reverse("agenda-results", args=[agenda.token]), 302)]
    assert response.status_code == 200


def test_before_the_vote_opens_the_link_shows_the_vote_page_saying_so(agenda):
    later = timezone.now() + datetime.timedelta(days=2)
    Agenda.objects.filter(pk=agenda.pk).update(opens_at=later)
    item = add_channel(agenda, Kind.FLYER)

    response = Client().get(path_of(item), follow=True)

    assert response.redirect_chain[-1][0] == reverse("agenda-vote", args=[agenda.token])
    assert response.templates[0].name == "agenda/vote_closed.html"


def arrive_and_vote(agenda, link: str | None, numbers=(1,)) -> Client:
    client = Client()
    if link:
        client.get(link)
    client.get(reverse("agenda-vote", args=[agenda.token]))
    for number in numbers:
        assert vote(client, agenda, number).status_code == 302
    return client


def test_a_voter_who_arrived_through_the_link_is_counted_for_that_channel(
    client_for, agenda, neighbourhood
):
    poster, share = add_channel(agenda), add_channel(agenda, Kind.SHARE)
    other_agenda = make_agenda(neighbourhood, statements=1)
    elsewhere = add_channel(other_agenda)
    arrive_and_vote(agenda, path_of(poster), numbers=(1, 2, 3))
    arrive_and_vote(agenda, path_of(poster), numbers=(1,))
    arrive_and_vote(agenda, path_of(share), numbers=(2, 3))
    arrive_and_vote(agenda, None, numbers=(1,))
    # A link of another agenda's channel does not count here.
    arrive_and_vote(agenda, path_of(elsewhere), numbers=(3,))

    assert [v.channel_id for v in Voter.objects.filter(agenda=agenda).order_by("number")] == [
        poster.channel_id,
        poster.channel_id,
        share.channel_id,
        None,
        None,
    ]
    figures = announce_channels.agenda_figures(agenda)
    counted = {item.pk: (item.figures.voters, item.figures.votes) for item in figures.channels}
    assert counted == {poster.pk: (2, 4), share.pk: (1, 2)}
    assert (figures.direct.voters, figures.direct.votes) == (2, 2)
    assert (figures.total.voters, figures.total.votes) == (5, 8)

    page = client_for("organiser").get(reverse("agenda-announce", args=[agenda.pk]))
    html = page.content.decode()
    assert f'id="agenda-channel-{poster.pk}"' in html
    assert '<td data-figure="direct-voters">2</td>' in html
    assert '<td data-figure="total-votes">8</td>' in html


def test_paper_ballots_are_counted_apart_from_direct_voters(agenda):
    Voter.objects.create(agenda=agenda, number=1, source=Voter.Source.PAPER)
    figures = announce_channels.agenda_figures(agenda)
    assert (figures.paper.voters, figures.direct.voters, figures.total.voters) == (1, 0, 1)


def save(response, tmp_path, name):
    path = tmp_path / name
    path.write_bytes(response.content)
    return path


@pytest.mark.parametrize(
    ("name", "size"), [("agenda-channel-poster", A4), ("agenda-channel-flyer", A5)]
)
def test_the_poster_and_flyer_carry_the_tracked_link_as_qr_code_and_printed_address(
    client_for, agenda, tmp_path, settings, name, size
):
    settings.SITE_URL = "https://wijkdialoog.example.org"
    item = add_channel(agenda, Kind.FLYER, label="Flyers Kersenplein")

    response = client_for("organiser").get(reverse(name, args=[item.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    format = name.rsplit("-", 1)[1]
    slug = "wat-vindt-de-kersenbuurt-belangrijk"
    assert response["Content-Disposition"] == (
        f'attachment; filename="{format}-{slug}-{item.channel.code}.pdf"'
    )
    path = save(response, tmp_path, f"{format}.pdf")
    assert page_size(path) == size
    assert pdf_info(path)["Pages"].strip() == "1"
    link = f"https://wijkdialoog.example.org/d/{item.channel.code}/"
    assert qr_codes(path, tmp_path) == [link]
    text = pdf_text(path)
    assert agenda.title in " ".join(text.split())
    assert f"wijkdialoog.example.org/d/{item.channel.code}/" in "".join(text.split())
    assert "Stem mee!" in text


def test_the_share_text_has_the_tracked_link_and_a_whatsapp_button(client_for, agenda):
    item = add_channel(agenda, Kind.SHARE)

    response = client_for("organiser").get(reverse("agenda-channel-share", args=[item.pk]))

    assert response.status_code == 200
    link = channels.tracked_url(item.channel)
    assert link in response.context["text"]
    assert agenda.title in response.context["text"]
    assert response.context["whatsapp_url"].startswith("https://wa.me/?text=")
    assert reverse("agenda-announce", args=[agenda.pk]) in response.content.decode()


def test_agenda_channels_stay_out_of_the_series_invitation_channels(client_for, agenda):
    series = agenda.series
    invitation = make_channel(series, Kind.POSTER, label="Uitnodiging")
    item = add_channel(agenda, Kind.POSTER, label="Stemposter")
    meeting = make_meeting(series)
    make_registration(meeting, "Anna", channel=invitation)
    # Someone who came through the agenda's link and then signed up for a meeting.
    make_registration(meeting, "Bram", channel=item.channel)

    figures = channels.series_figures(series)
    assert [c.pk for c in figures.channels] == [invitation.pk]
    assert (figures.registered, figures.untracked_registered, figures.total_registered) == (1, 1, 2)
    page = client_for("organiser").get(reverse("channel-list", args=[series.pk]))
    html = page.content.decode()
    assert "Uitnodiging" in html and "Stemposter" not in html
    assert channels.destination(invitation) != reverse("agenda-vote", args=[agenda.token])


def agenda_channel_pages(agenda) -> list[tuple[str, str, dict]]:
    item = add_channel(agenda, Kind.SHARE)
    return [
        ("get", reverse("agenda-announce", args=[agenda.pk]), {}),
        ("post", reverse("agenda-announce", args=[agenda.pk]), {"kind": "poster"}),
        ("get", reverse("agenda-channel-poster", args=[item.pk]), {}),
        ("get", reverse("agenda-channel-flyer", args=[item.pk]), {}),
        ("get", reverse("agenda-channel-share", args=[item.pk]), {}),
    ]


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_organiser_makes_or_prints_the_agendas_channels(client_for, agenda, persona):
    client = client_for(persona)
    for method, url, data in agenda_channel_pages(agenda):
        response = getattr(client, method)(url, data)
        if persona == "organiser":
            assert response.status_code in (200, 302), (url, response.status_code)
        elif persona == "anonymous":
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse("login")), url
        elif persona == "outsider":
            assert response.status_code == 404, url
        else:
            assert response.status_code == 403, url
    made = AgendaChannel.objects.filter(agenda=agenda).count()
    assert made == (2 if persona == "organiser" else 1)


@pytest.mark.parametrize("closed", [True, False])
def test_the_public_vote_pages_show_whom_to_ask(agenda, closed):
    organisation = agenda.series.organisation
    organisation.phone = "020 123 4567"
    organisation.contact_email = "vragen@buurtwerk.example.org"
    organisation.save()
    if closed:
        Agenda.objects.filter(pk=agenda.pk).update(closes_at=timezone.now())
    client = Client()
    urls = [reverse("agenda-vote", args=[agenda.token])]
    if not closed:
        urls.append(reverse("agenda-my-votes", args=[agenda.token]))
    else:
        urls.append(reverse("agenda-results", args=[agenda.token]))
    for url in urls:
        html = client.get(url).content.decode()
        assert 'id="contact"' in html, url
        assert "vragen@buurtwerk.example.org" in html and "020 123 4567" in html, url


def test_the_demo_agenda_has_a_poster_and_a_whatsapp_channel_with_voters(db, client_for):
    from wijkdialoog.site.management.commands.demo import load_demo

    agenda = load_demo()["agenda"]
    figures = announce_channels.agenda_figures(agenda)
    kinds = {item.channel.kind: item.figures.voters for item in figures.channels}
    assert set(kinds) == {Kind.POSTER, Kind.SHARE}
    assert all(voters > 10 for voters in kinds.values())
    assert figures.direct.voters > 0 and figures.paper.voters > 0
    assert figures.total.voters == agenda.voters.count()
    response = Client().get(reverse("channel-link", args=[figures.channels[0].channel.code]))
    assert response["Location"] == reverse("agenda-results", args=[agenda.token])


def test_outreachs_invitation_tools_do_not_open_an_agenda_channel(client_for, agenda):
    item = add_channel(agenda, Kind.SHARE)
    client = client_for("organiser")
    for name in ("channel-poster", "channel-flyer", "channel-share", "channel-email"):
        assert client.get(reverse(name, args=[item.channel.pk])).status_code == 404, name
