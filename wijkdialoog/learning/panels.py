"""Where the learning app shows itself on lower apps' pages (core/panels.py): the trainer's
upcoming sessions on My page, and the way to the courses on the organiser's dashboard."""

from collections.abc import Mapping
from typing import Any

from wijkdialoog.community.access import has_role
from wijkdialoog.community.models import Role
from wijkdialoog.core.panels import register_panel

from .courses import upcoming_sessions_of
from .models import CourseSession


def _my_sessions(page: Mapping[str, Any]) -> Mapping[str, Any]:
    user = page["user"]
    sessions: list[CourseSession] = []
    for person in user.persons.all():
        sessions += list(upcoming_sessions_of(person)[:20])
    return {"my_sessions": sorted(sessions, key=lambda session: session.starts_at)}


def _is_trainer(page: Mapping[str, Any]) -> bool:
    user = page.get("user")
    return user is not None and has_role(user, Role.TRAINER)


def register_panels() -> None:
    register_panel("dashboard", template="learning/course_dashboard.html", order=70)
    register_panel(
        "my-page",
        template="learning/course_my_sessions.html",
        order=15,
        context=_my_sessions,
        condition=_is_trainer,
    )
