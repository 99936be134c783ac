"""Permissions of the methods app.

Anyone with a role (organiser, facilitator, trainer, partner) may read the shipped methods and
their own organisation's methods: a method holds no personal data, and partners sit at tables too.
Only organisers copy, adapt and manage their organisation's methods.
"""

import rules

from wijkdialoog.community.access import roles_by_organisation
from wijkdialoog.community.rules import is_organiser_of_subject


@rules.predicate
def has_a_role(user):
    return bool(roles_by_organisation(user))


@rules.predicate
def is_builtin_or_member(user, method):
    if method is None:
        return False
    if method.organisation_id is None:
        return user.is_authenticated and bool(roles_by_organisation(user))
    return method.organisation_id in roles_by_organisation(user)


rules.add_perm("methods.view_library", has_a_role)
rules.add_perm("methods.view_method", is_builtin_or_member)
# Subject: the organisation (to copy a method into it) or an organisation's own method.
rules.add_perm("methods.manage_methods", is_organiser_of_subject)
