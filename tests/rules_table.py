"""Direct tests of permissions, adhocracy4-style: each app's test_rules.py lists every
permission with a subject and the personas it allows; every other persona is denied."""

import rules

from tests.conftest import PERSONAS


def case_ids(cases) -> list[str]:
    return [f"{permission}-{subject or 'nothing'}" for permission, subject, _allowed in cases]


def check_rule(request, user_for, persona, permission, subject, allowed) -> None:
    obj = request.getfixturevalue(subject) if subject else None
    expected = persona in allowed
    assert rules.has_perm(permission, user_for(persona), obj) is expected, (
        f"{persona} {'may' if expected else 'may not'} {permission} on {subject}"
    )


def permissions_of(app: str) -> set[str]:
    return {name for name in rules.permissions.permissions if name.startswith(f"{app}.")}


def assert_table_is_complete(app: str, cases) -> None:
    assert permissions_of(app) == {permission for permission, _subject, _allowed in cases}
    assert all(allowed <= set(PERSONAS) for _permission, _subject, allowed in cases)
