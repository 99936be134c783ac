"""Team members and the organiser writing at the same moment: every update kept, the status and
its timeline consistent. Each thread has its own database connection (PostgreSQL and SQLite; on
SQLite a second writer is turned away and tries again, as a phone would)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.agenda.test_vote_concurrency import at_once
from tests.builders import make_membership, make_person, png_bytes
from tests.followup.initiative_builders import dream_meeting, make_initiative
from wijkdialoog.core.models import AuditEntry
from wijkdialoog.followup import initiatives
from wijkdialoog.followup.models import InitiativeStatusChange, InitiativeUpdate, TeamMember


def _team(neighbourhood):
    meeting, _card = dream_meeting(neighbourhood)
    initiative = make_initiative(meeting.series)
    members = []
    for name in ("Anna", "Ben"):
        person = make_person(
            neighbourhood.organisation, first_name=name, email=f"{name.lower()}@example.org"
        )
        members.append(TeamMember.objects.create(initiative=initiative, person=person))
    return initiative, members


@pytest.mark.django_db(transaction=True)
def test_two_team_members_posting_at_once_are_both_kept(neighbourhood):
    initiative, members = _team(neighbourhood)

    def post(n):
        photo = SimpleUploadedFile(f"{n}.png", png_bytes(), content_type="image/png")
        initiatives.post_update(
            initiative=initiative, text=f"Nieuws {n}", photos=[photo], member=members[n]
        )

    errors = at_once(post, count=2)

    assert errors == []
    updates = InitiativeUpdate.objects.filter(initiative=initiative)
    assert sorted((u.text, u.member_id) for u in updates) == [
        ("Nieuws 0", members[0].pk),
        ("Nieuws 1", members[1].pk),
    ]
    assert all(update.photos.count() == 1 for update in updates)
    assert AuditEntry.objects.filter(action="initiative.update_posted").count() == 2


@pytest.mark.django_db(transaction=True)
def test_a_status_change_at_the_same_moment_as_an_update_keeps_both(neighbourhood):
    initiative, members = _team(neighbourhood)
    organiser = make_membership(
        neighbourhood.organisation, "organiser", first_name="Olga", email="olga@example.org"
    ).person.user

    def work(n):
        if n == 0:
            initiatives.change_status(
                initiative=initiative, status="bezig", reason="", actor=organiser
            )
        else:
            initiatives.post_update(initiative=initiative, text="Het begint!", member=members[0])

    errors = at_once(work, count=2)

    assert errors == []
    initiative.refresh_from_db()
    assert initiative.status == "bezig"
    assert InitiativeUpdate.objects.get(initiative=initiative).text == "Het begint!"
    steps = InitiativeStatusChange.objects.filter(initiative=initiative)
    assert [(s.from_status, s.to_status) for s in steps] == [("idee", "bezig")]
    timeline = initiatives.timeline(initiative)
    assert len(timeline["updates"]) == 2
    assert timeline["status_since"] == steps.get().created_at


@pytest.mark.django_db(transaction=True)
def test_two_status_changes_at_once_follow_each_other_on_the_timeline(neighbourhood):
    initiative, _members = _team(neighbourhood)
    targets = ["voorbereiding", "bezig"]

    errors = at_once(
        lambda n: initiatives.change_status(
            initiative=initiative, status=targets[n], reason="", actor=None
        ),
        count=2,
    )

    assert errors == []
    initiative.refresh_from_db()
    steps = list(InitiativeStatusChange.objects.filter(initiative=initiative).order_by("pk"))
    # Each step starts where the one before ended, and the last is the current status.
    assert steps[0].from_status == "idee"
    assert [s.from_status for s in steps[1:]] == [s.to_status for s in steps[:-1]]
    assert steps[-1].to_status == initiative.status
    assert sorted(s.to_status for s in steps) == sorted(targets)
