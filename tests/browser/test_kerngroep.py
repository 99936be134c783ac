"""The kerngroep on a 360 px phone: a member opens their personal link, marks a task done and
adds one with plain forms; the organiser adds a member. Every page is checked with axe."""

from django.core import mail

from tests.followup.kerngroep_builders import link_in_mail_to, make_kerngroep
from wijkdialoog.followup.models import KerngroepMember, KerngroepTask

PHONE_WIDTH = 360


def fits(phone):
    return phone.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH


def test_a_member_works_on_the_task_list_on_a_phone(phone, neighbourhood):
    series, members = make_kerngroep(neighbourhood)
    path = link_in_mail_to("anna@example.org")
    hall = KerngroepTask.objects.get(text="Zaal reserveren")

    phone.goto(path)
    assert "Ben: evaluatie" in phone.locator("#kerngroep-members").inner_text()
    assert fits(phone)
    phone.click_and_wait(f"#task-{hall.pk} button[type=submit]")
    hall.refresh_from_db()
    assert hall.done_by == members["anna"]

    phone.fill("#add-task-form #id_text", "Posters ophangen")
    phone.fill("#add-task-form #id_due_on", "2030-05-01")
    phone.click_and_wait("#add-task-form button[type=submit]")
    assert KerngroepTask.objects.filter(text="Posters ophangen", owner=members["anna"]).exists()
    assert fits(phone)

    phone.click_and_wait(f"#task-{KerngroepTask.objects.get(text='Posters ophangen').pk} a")
    assert fits(phone)


def test_the_organiser_adds_a_member_on_a_phone(phone, neighbourhood, organiser):
    series, _members = make_kerngroep(neighbourhood)
    mail.outbox.clear()
    phone.log_in(organiser.person.user)
    phone.goto(f"/beheer/wijkdialogen/{series.pk}/kerngroep/")
    assert fits(phone)
    phone.fill("#add-member-form #id_first_name", "Dirk")
    phone.fill("#add-member-form #id_email", "dirk@example.org")
    phone.check("#add-member-form input[value=opvolging]")
    phone.click_and_wait("#add-member-form button[type=submit]")
    assert KerngroepMember.objects.get(person__first_name="Dirk").roles == ["opvolging"]
    assert [m.to for m in mail.outbox] == [["dirk@example.org"]]
    phone.goto(f"/beheer/wijkdialogen/{series.pk}/")
    assert phone.locator("#kerngroep-summary").is_visible()
