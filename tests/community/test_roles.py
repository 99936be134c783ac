"""Roles: inviting someone, recording a facilitator's training, ending and resuming a role, and
the history of changes that only organisers see."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from tests.builders import make_membership, make_person
from wijkdialoog.community import roles
from wijkdialoog.community.models import Membership, Person, User
from wijkdialoog.core.models import AuditEntry


def invite(organisation, organiser, **fields):
    data = {"email": "kofi@example.org", "first_name": "Kofi", "role": "facilitator", **fields}
    return roles.invite_member(organisation=organisation, actor=organiser.person.user, **data)


def link_in(message) -> str:
    return re.search(r"http://testserver(/\S+)", message.body).group(1)


def test_inviting_someone_new_creates_the_person_a_login_and_the_role(
    organisation, organiser, mailoutbox
):
    membership = invite(organisation, organiser, email="Kofi@Example.org", last_name="Mensah")
    person = membership.person
    assert (person.organisation, person.email, person.full_name) == (
        organisation,
        "kofi@example.org",
        "Kofi Mensah",
    )
    assert person.user.email == "kofi@example.org"
    assert not person.user.has_usable_password()
    assert (membership.role, membership.is_active) == ("facilitator", True)
    assert membership.invited_at is not None
    assert [m.to for m in mailoutbox] == [["kofi@example.org"]]
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert actions == {"person.created", "membership.invited"}


def test_inviting_a_known_person_gives_them_a_role_without_a_second_record(
    organisation, organiser, resident, mailoutbox
):
    membership = invite(organisation, organiser, email=resident.email, first_name="Other")
    assert membership.person == resident
    assert Person.objects.filter(email=resident.email).count() == 1
    assert len(mailoutbox) == 1


def test_someone_with_a_login_elsewhere_keeps_one_login(
    organisation, other_organisation, organiser, outsider
):
    membership = invite(organisation, organiser, email="otto@example.org", role="partner")
    assert membership.person.user == outsider.person.user
    assert User.objects.filter(email="otto@example.org").count() == 1


def test_the_invitation_is_in_the_persons_language_with_a_link_that_logs_in_by_post(
    client, organisation, organiser, mailoutbox
):
    invite(organisation, organiser, language="en")
    message = mailoutbox[0]
    with translation.override("en"):
        assert message.subject == translation.gettext("Invitation from %(organisation)s") % {
            "organisation": organisation.name
        }
    link = link_in(message)
    assert link.startswith(reverse("invitation-open"))
    page = client.get(link)
    assert page.status_code == 200
    assert "_auth_user_id" not in client.session
    token = re.search(r'name="sesame" value="([^"]+)"', page.content.decode()).group(1)
    response = client.post(reverse("invitation-open"), {"sesame": token})
    assert response["Location"] == reverse("after-login")
    assert client.session["_auth_user_id"] == str(User.objects.get(email="kofi@example.org").pk)


def test_an_invited_organiser_is_asked_to_choose_a_password(
    client, organisation, organiser, mailoutbox
):
    invite(organisation, organiser, role="organiser")
    token = re.search(r"sesame=([^&\s]+)", mailoutbox[0].body).group(1)
    response = client.post(reverse("invitation-open"), {"sesame": token})
    assert response["Location"] == reverse("set-password")


def test_an_invitation_link_works_for_a_week_but_not_longer(
    client, organisation, organiser, mailoutbox
):
    import time_machine

    start = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False):
        invite(organisation, organiser)
    token = re.search(r"sesame=([^&\s]+)", mailoutbox[0].body).group(1)
    with time_machine.travel(start + datetime.timedelta(days=8), tick=False):
        assert client.post(reverse("invitation-open"), {"sesame": token}).status_code == 400
    with time_machine.travel(start + datetime.timedelta(days=6), tick=False):
        assert client.post(reverse("invitation-open"), {"sesame": token}).status_code == 302


def test_inviting_someone_who_already_has_the_role_is_refused(
    organisation, organiser, facilitator, mailoutbox
):
    with pytest.raises(ValidationError):
        invite(organisation, organiser, email=facilitator.person.email)
    assert mailoutbox == []


def test_the_invite_page_shows_why_an_invitation_was_refused(
    client_for, organisation, facilitator, mailoutbox
):
    response = client_for("organiser").post(
        reverse("role-invite"),
        {
            "role": "facilitator",
            "first_name": "Fenna",
            "email": facilitator.person.email,
            "language": "nl",
        },
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert re.search(r'class="utrecht-alert utrecht-alert--error">\s*<p[^>]*>Fenna', content)
    assert 'value="fenna@example.org"' in content
    assert mailoutbox == []


def test_an_ended_role_can_be_given_again_by_a_new_invitation(
    organisation, organiser, facilitator, mailoutbox
):
    roles.set_membership_active(membership=facilitator, actor=None, active=False)
    membership = invite(organisation, organiser, email=facilitator.person.email)
    assert membership.pk == facilitator.pk
    assert membership.is_active
    assert len(mailoutbox) == 1


def test_a_partner_is_invited_with_their_kind_and_organisation(
    client_for, organisation, mailoutbox
):
    response = client_for("organiser").post(
        reverse("role-invite"),
        {
            "role": "partner",
            "first_name": "Noor",
            "email": "noor@example.org",
            "language": "nl",
            "partner_kind": "wijkteam",
            "partner_organisation": "Sociaal Wijkteam Oost",
        },
    )
    assert response["Location"] == reverse("role-list")
    membership = Membership.objects.get(person__email="noor@example.org")
    assert (membership.role, membership.partner_kind, membership.partner_organisation) == (
        "partner",
        "wijkteam",
        "Sociaal Wijkteam Oost",
    )


def test_recording_training_marks_the_facilitator_as_trained(organisation, organiser, trainer):
    lotte = make_membership(organisation, "facilitator", first_name="Lotte", email="l@example.org")
    day = timezone.localdate() - datetime.timedelta(days=3)
    roles.record_training(
        membership=lotte, actor=organiser.person.user, trained_since=day, trained_by=trainer.person
    )
    lotte.refresh_from_db()
    assert lotte.is_trained
    assert (lotte.trained_since, lotte.trained_by) == (day, trainer.person)
    entry = AuditEntry.objects.get(action="membership.training_recorded")
    assert entry.payload == {"trained_since": day.isoformat(), "trained_by": trainer.person.pk}


def test_training_cannot_be_recorded_for_a_future_date(organisation, organiser):
    lotte = make_membership(organisation, "facilitator", first_name="Lotte", email="l@example.org")
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError):
        roles.record_training(
            membership=lotte, actor=organiser.person.user, trained_since=tomorrow, trained_by=None
        )
    lotte.refresh_from_db()
    assert lotte.trained_since is None
    assert not AuditEntry.objects.filter(action="membership.training_recorded").exists()


def test_the_training_page_refuses_a_future_date_next_to_the_field(client_for, organisation):
    lotte = make_membership(organisation, "facilitator", first_name="Lotte", email="l@example.org")
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client_for("organiser").post(
        reverse("membership-training", args=[lotte.pk]), {"trained_since": tomorrow.isoformat()}
    )
    assert response.status_code == 200
    assert 'id="id_trained_since_error"' in response.content.decode()
    lotte.refresh_from_db()
    assert lotte.trained_since is None


@pytest.mark.parametrize("role", ["organiser", "partner", "trainer"])
def test_only_facilitators_have_a_training_status(organisation, organiser, role):
    membership = make_membership(organisation, role, first_name="Bo", email="bo@example.org")
    with pytest.raises(ValidationError):
        roles.record_training(
            membership=membership,
            actor=organiser.person.user,
            trained_since=timezone.localdate(),
            trained_by=None,
        )
    membership.refresh_from_db()
    assert membership.trained_since is None


def test_the_training_page_does_not_exist_for_other_roles(client_for, partner):
    response = client_for("organiser").get(reverse("membership-training", args=[partner.pk]))
    assert response.status_code == 404


def test_only_trainers_of_the_organisation_are_offered_as_trainer(
    client_for, organisation, trainer, other_organisation
):
    make_membership(other_organisation, "trainer", first_name="Elders", email="e@example.org")
    lotte = make_membership(organisation, "facilitator", first_name="Lotte", email="l@example.org")
    form = client_for("organiser").get(reverse("membership-training", args=[lotte.pk]))
    choices = list(form.context["form"].fields["trained_by"].queryset)
    assert choices == [trainer.person]


def test_ending_and_resuming_a_role(client_for, organisation, facilitator):
    client = client_for("organiser")
    url = reverse("membership-toggle", args=[facilitator.pk])
    response = client.post(url, {"active": "0"})
    assert response["Location"] == reverse("person-detail", args=[facilitator.person.pk])
    facilitator.refresh_from_db()
    assert not facilitator.is_active
    client.post(url, {"active": "1"})
    facilitator.refresh_from_db()
    assert facilitator.is_active
    actions = list(
        AuditEntry.objects.filter(object_id=str(facilitator.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["membership.ended", "membership.resumed"]


def test_ending_a_role_twice_writes_one_audit_entry(organisation, organiser, facilitator):
    for _ in range(2):
        roles.set_membership_active(
            membership=facilitator, actor=organiser.person.user, active=False
        )
    assert AuditEntry.objects.filter(action="membership.ended").count() == 1


def test_someone_whose_role_ended_loses_what_the_role_gave(client, organiser, trainer):
    client.force_login(trainer.person.user)
    assert client.get(reverse("training-list")).status_code == 200
    roles.set_membership_active(membership=trainer, actor=organiser.person.user, active=False)
    client.force_login(trainer.person.user)
    assert client.get(reverse("training-list")).status_code == 403


def test_the_history_of_changes_shows_to_organisers_only(client_for, organisation, facilitator):
    client = client_for("organiser")
    client.post(reverse("membership-toggle", args=[facilitator.pk]), {"active": "0"})
    url = reverse("person-detail", args=[facilitator.person.pk])
    organiser_page = client_for("organiser").get(url).content.decode()
    assert 'class="wd-history"' in organiser_page
    assert "Olga" in organiser_page  # the organiser who ended the role
    client.logout()
    own_page = client_for("facilitator").get(url)
    assert own_page.status_code == 200
    assert 'class="wd-history"' not in own_page.content.decode()


def test_the_history_tag_shows_nothing_to_someone_without_the_right(
    rf, organisation, organiser, facilitator, resident
):
    from django.template import Context, Template

    roles.set_membership_active(membership=facilitator, actor=organiser.person.user, active=False)
    template = Template("{% load history %}{% object_history subject %}")
    for user, shown in [(organiser.person.user, True), (facilitator.person.user, False)]:
        request = rf.get("/")
        request.user = user
        html = template.render(Context({"request": request, "subject": facilitator}))
        assert ("wd-history" in html) is shown


def test_a_person_known_without_email_cannot_be_invited(organisation, organiser):
    person = make_person(organisation, first_name="Henk")
    with pytest.raises(ValidationError):
        roles.ensure_user(person)


def test_the_last_organiser_cannot_end_their_role(client_for, organiser):
    client = client_for("organiser")
    response = client.post(reverse("membership-toggle", args=[organiser.pk]), {"active": "0"})
    assert response["Location"] == reverse("person-detail", args=[organiser.person.pk])
    organiser.refresh_from_db()
    assert organiser.is_active
    assert not AuditEntry.objects.filter(action="membership.ended").exists()
    page = client.get(response["Location"]).content.decode()
    assert "utrecht-alert--error" in page


def test_an_organiser_role_can_end_when_another_organiser_remains(organisation, organiser):
    other = make_membership(organisation, "organiser", first_name="Joost", email="j@example.org")
    roles.set_membership_active(membership=organiser, actor=other.person.user, active=False)
    organiser.refresh_from_db()
    assert not organiser.is_active
    with pytest.raises(ValidationError):
        roles.set_membership_active(membership=other, actor=other.person.user, active=False)


def test_an_organiser_elsewhere_does_not_count_as_the_remaining_organiser(
    organisation, organiser, outsider
):
    with pytest.raises(ValidationError):
        roles.set_membership_active(membership=organiser, actor=None, active=False)
