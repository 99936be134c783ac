"""A facilitator put at a table hears it by mail, in their own language: the table, the meeting,
the method guide and a login link into facilitator mode. Only after the change is committed, and
only when a new person takes the table."""

import re

import pytest
from django.urls import reverse

from tests.builders import make_membership
from wijkdialoog.dialogues import planning
from wijkdialoog.dialogues.models import Table
from wijkdialoog.dialogues.tasks import send_table_assignment


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what waits for the commit, as a real request's transaction would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def add_table(client, meeting, facilitator_pk="", **values):
    data = {"number": "2", "seats": "7", "language": "nl", "facilitator": facilitator_pk}
    data.update(values)
    return client.post(reverse("table-create", args=[meeting.pk]), data)


def test_a_facilitator_put_at_a_new_table_gets_a_mail_with_table_meeting_guide_and_link(
    client_for, meeting, facilitator, mailoutbox, committed
):
    with committed():
        response = add_table(client_for("organiser"), meeting, facilitator.person.pk, name="Raam")
    assert response.status_code == 302
    table = Table.objects.get()

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["fenna@example.org"]
    assert "tafel 2" in message.subject.lower()
    assert meeting.display_title in message.subject
    body = message.body
    assert "Beste Fenna," in body
    assert "Raam" in body and "7" in body
    assert meeting.display_title in body
    assert meeting.venue.name in body
    method = re.search(r"/beheer/werkvormen/(\d+)/handleiding\.pdf", body)
    assert method, body
    link = re.search(r"(http://testserver/inloggen/tafel/\?sesame=\S+)", body).group(1)
    assert "next=" in link
    assert f"http://testserver{reverse('table-run', args=[table.pk])}" in body
    html = message.alternatives[0][0]
    assert "handleiding.pdf" in html and "/inloggen/tafel/" in html


def test_the_link_in_the_mail_logs_in_and_opens_facilitator_mode_at_that_table(
    client_for, client, meeting, facilitator, mailoutbox, committed
):
    with committed():
        add_table(client_for("organiser"), meeting, facilitator.person.pk)
    client.logout()
    table = Table.objects.get()
    link = re.search(r"http://testserver(/inloggen/tafel/\?sesame=\S+)", mailoutbox[0].body)
    page = client.get(link.group(1))
    assert page.status_code == 200
    assert "_auth_user_id" not in client.session  # a mail scanner's visit logs nobody in
    html = page.content.decode()
    token = re.search(r'name="sesame" value="([^"]+)"', html).group(1)
    next_url = re.search(r'name="next" value="([^"]*)"', html).group(1)
    response = client.post(link.group(1), {"sesame": token, "next": next_url})
    assert response["Location"] == reverse("table-run", args=[table.pk])
    assert client.session["_auth_user_id"] == str(facilitator.person.user_id)
    assert client.get(response["Location"]).status_code == 200


def test_an_ordinary_login_link_does_not_work_as_an_assignment_link(client, facilitator):
    from wijkdialoog.community.magic_links import login_url

    token = re.search(r"sesame=([^&]+)", login_url(facilitator.person.user)).group(1)
    response = client.post(reverse("assignment-open"), {"sesame": token})
    assert response.status_code == 400


def test_an_english_speaking_facilitator_gets_the_mail_in_english(
    client_for, meeting, organisation, mailoutbox, committed
):
    amal = make_membership(
        organisation, "facilitator", first_name="Amal", email="amal@example.org", trained=True
    )
    amal.person.language = "en"
    amal.person.save()
    with committed():
        add_table(client_for("organiser"), meeting, amal.person.pk, language="en")
    message = mailoutbox[0]
    assert message.subject.startswith("You lead table 2")
    assert "Dear Amal," in message.body
    assert "facilitator mode" in message.body


def test_saving_a_table_without_a_new_facilitator_mails_nobody(
    client_for, meeting, facilitator, mailoutbox, committed
):
    client = client_for("organiser")
    with committed():
        add_table(client, meeting)  # nobody yet
    assert mailoutbox == []
    table = Table.objects.get()
    planning.save_table(meeting=meeting, actor=None, table=table, facilitator=facilitator.person)
    mailoutbox.clear()
    with committed():
        response = client.post(
            reverse("table-edit", args=[table.pk]),
            {"number": "2", "seats": "9", "language": "nl", "facilitator": facilitator.person.pk},
        )
    assert response.status_code == 302
    assert mailoutbox == []


def test_a_new_facilitator_is_mailed_and_taking_the_facilitator_away_mails_nobody(
    meeting, facilitator, organisation, mailoutbox, committed
):
    kees = make_membership(
        organisation, "facilitator", first_name="Kees", email="kees@example.org", trained=True
    )
    with committed():
        table = planning.save_table(
            meeting=meeting, actor=None, number=3, seats=8, facilitator=facilitator.person
        )
    with committed():
        planning.assign_facilitator(table=table, facilitator=kees.person, actor=None)
    assert [m.to for m in mailoutbox] == [["fenna@example.org"], ["kees@example.org"]]
    with committed():
        planning.assign_facilitator(table=table, facilitator=None, actor=None)
    assert len(mailoutbox) == 2


def test_a_refused_assignment_mails_nobody(
    client_for, meeting, organisation, mailoutbox, committed
):
    lotte = make_membership(organisation, "facilitator", first_name="Lotte", email="l@example.org")
    with committed():
        response = add_table(client_for("organiser"), meeting, lotte.person.pk)
    assert response.status_code == 200
    assert mailoutbox == []


def test_nothing_is_sent_before_the_change_is_committed(meeting, facilitator, mailoutbox):
    # Inside the test's transaction nothing commits: the mail waits, and would go nowhere
    # if the transaction were rolled back.
    planning.save_table(
        meeting=meeting, actor=None, number=1, seats=8, facilitator=facilitator.person
    )
    assert mailoutbox == []


def test_the_task_sends_nothing_when_someone_else_leads_the_table_by_then(
    meeting, facilitator, organisation, mailoutbox
):
    kees = make_membership(organisation, "facilitator", first_name="Kees", email="k@example.org")
    table = Table.objects.create(meeting=meeting, number=1, seats=8, facilitator=kees.person)
    send_table_assignment.call(table.pk, facilitator.person.pk)
    assert mailoutbox == []


def test_a_facilitator_without_an_email_address_gets_no_mail(meeting, facilitator, mailoutbox):
    person = facilitator.person
    person.email = ""
    person.save()
    table = Table.objects.create(meeting=meeting, number=1, seats=8, facilitator=person)
    send_table_assignment.call(table.pk, person.pk)
    assert mailoutbox == []


def test_an_assignment_link_does_not_work_as_an_invitation_or_ordinary_login(client, facilitator):
    from wijkdialoog.community.magic_links import login_url

    link = login_url(facilitator.person.user, assignment=True)
    token = re.search(r"sesame=([^&]+)", link).group(1)
    for name in ("magic-link-open", "invitation-open"):
        assert client.post(reverse(name), {"sesame": token}).status_code == 400
    assert "_auth_user_id" not in client.session
