"""The demo's Kersenbuurt kerngroep: five members in different roles, one overdue task, one
done, and Anneke's working link."""

from django.test import Client

from wijkdialoog.followup.models import KerngroepMember, KerngroepTask
from wijkdialoog.site.management.commands.demo import load_demo


def test_the_demo_has_a_kerngroep_with_tasks_and_a_working_link(db):
    load_demo()
    members = KerngroepMember.objects.filter(series__slug="thuis-in-de-kersenbuurt")
    assert members.count() == 5
    assert len({role for member in members for role in member.roles}) == 5
    tasks = KerngroepTask.objects.filter(series__slug="thuis-in-de-kersenbuurt")
    assert tasks.filter(done_at__isnull=False).count() == 1
    assert (
        tasks.filter(done_at__isnull=True, due_on__lt=tasks.first().created_at.date()).count() == 1
    )
    page = Client().get("/kerngroep/demo-kersenbuurt-kerngroep/")
    assert page.status_code == 200
    assert "Hallo Anneke" in page.content.decode()
