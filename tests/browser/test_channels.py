"""The organiser makes a poster channel and downloads its poster; the QR code on the PDF leads
to the channel's tracked link. Every page opened is checked with axe."""

import subprocess

from django.urls import reverse

from tests.builders import make_meeting, make_membership, make_organisation, make_series, make_venue
from wijkdialoog.community.models import Neighbourhood
from wijkdialoog.outreach import channels
from wijkdialoog.registrations.models import Channel


def test_the_organiser_adds_a_poster_channel_and_its_qr_code_scans_to_the_tracked_link(
    page, db, tmp_path
):
    organisation = make_organisation(name="Buurtwerk De Brug", slug="de-brug")
    organiser = make_membership(
        organisation, "organiser", first_name="Samira", email="samira@example.org"
    )
    neighbourhood = Neighbourhood.objects.create(
        organisation=organisation, name="Kersenbuurt", slug="kersenbuurt"
    )
    series = make_series(neighbourhood, theme="Thuis in de Kersenbuurt", slug="thuis")
    meeting = make_meeting(series, venue=make_venue(organisation))
    page.log_in(organiser.person.user)

    page.goto(reverse("channel-list", args=[series.pk]))
    page.select_option("#id_kind", "poster")
    page.fill("#id_label", "Poster bibliotheek")
    page.select_option("#id_meeting", str(meeting.pk))
    page.click_and_wait("form.wd-form button[type=submit]")

    channel = Channel.objects.get(label="Poster bibliotheek")
    assert channel.meeting == meeting
    row = page.locator(f"#channel-{channel.pk}")
    assert channels.tracked_url(channel) in row.inner_text()

    with page.expect_download() as download_info:
        row.locator("a[data-tool=poster]").click()
    download = download_info.value
    assert download.suggested_filename == f"poster-thuis-in-de-kersenbuurt-{channel.code}.pdf"
    pdf = tmp_path / "poster.pdf"
    download.save_as(pdf)

    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert "595.276 x 841.89 pts (A4)" in info.stdout
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Thuis in de Kersenbuurt" in text
    subprocess.run(["pdftoppm", "-png", "-r", "150", "-singlefile", str(pdf), str(tmp_path / "p")])
    scanned = subprocess.run(
        ["zbarimg", "-q", "--raw", str(tmp_path / "p.png")], capture_output=True, text=True
    ).stdout.split()
    assert scanned == [f"{page.base}/d/{channel.code}/"]

    # The scanned link remembers the channel and leads on to the meeting.
    page.goto(scanned[0])
    assert page.path() == reverse("meeting-public", args=[meeting.pk])


def test_the_share_text_page_works_with_and_without_the_copy_button(page, db):
    organisation = make_organisation(name="Buurtwerk De Brug", slug="de-brug")
    organiser = make_membership(
        organisation, "organiser", first_name="Samira", email="samira@example.org"
    )
    neighbourhood = Neighbourhood.objects.create(
        organisation=organisation, name="Kersenbuurt", slug="kersenbuurt"
    )
    series = make_series(neighbourhood, theme="Thuis in de Kersenbuurt", slug="thuis")
    make_meeting(series, venue=make_venue(organisation))
    channel = Channel.objects.create(series=series, kind=Channel.Kind.SHARE, label="WhatsApp")
    page.log_in(organiser.person.user)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])

    page.goto(reverse("channel-share", args=[channel.pk]))

    text = page.locator("#share-text").input_value()
    assert channels.tracked_url(channel) in text
    assert page.locator("#whatsapp-link").get_attribute("href").startswith("https://wa.me/?text=")
    page.locator("#copy-button").click()
    page.wait_for_function("document.getElementById('copy-status').textContent.length > 0")
    assert page.evaluate("navigator.clipboard.readText()") == text


def test_a_resident_stops_invitation_emails_from_the_link_in_the_mail_on_a_phone(phone, db):
    from django.core import mail

    from wijkdialoog.outreach import invitations
    from wijkdialoog.outreach.models import EmailOptOut

    organisation = make_organisation(name="Buurtwerk De Brug", slug="de-brug")
    neighbourhood = Neighbourhood.objects.create(
        organisation=organisation, name="Kersenbuurt", slug="kersenbuurt"
    )
    series = make_series(neighbourhood, theme="Thuis in de Kersenbuurt", slug="thuis")
    make_meeting(series, venue=make_venue(organisation))
    email_list = Channel.objects.create(series=series, kind=Channel.Kind.EMAIL_LIST)
    invitation = email_list.invitations.create(email="rita@example.org", first_name="Rita")
    invitations.deliver_invitation(invitation.pk)
    link = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")

    phone.goto(link)
    phone.click_and_wait("#opt-out-button")

    assert phone.locator("#opted-out").is_visible()
    assert EmailOptOut.objects.filter(organisation=organisation, email="rita@example.org").exists()
