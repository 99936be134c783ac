"""Permissions of the community app. Each rule is tested for every persona, allowed and denied."""

import rules

from .access import has_role
from .models import Membership

Role = Membership.Role


@rules.predicate
def is_organiser(user):
    return has_role(user, Role.ORGANISER)


@rules.predicate
def is_organiser_of_subject(user, subject):
    return subject is not None and has_role(user, Role.ORGANISER, subject)


@rules.predicate
def is_trainer(user):
    return has_role(user, Role.TRAINER)


@rules.predicate
def is_trainer_of_subject(user, subject):
    return subject is not None and has_role(user, Role.TRAINER, subject)


@rules.predicate
def is_the_person(user, person):
    return person is not None and user.is_authenticated and person.user_id == user.pk


rules.add_perm("community.use_dashboard", is_organiser)
rules.add_perm("community.manage_organisation", is_organiser_of_subject)
rules.add_perm("community.manage_neighbourhoods", is_organiser_of_subject)
rules.add_perm("community.manage_people", is_organiser_of_subject)
rules.add_perm("community.manage_roles", is_organiser_of_subject)
rules.add_perm("community.view_person", is_organiser_of_subject | is_the_person)
rules.add_perm("community.record_training", is_organiser_of_subject | is_trainer_of_subject)
# The training list in the menu: organisers and trainers, for the organisation they work in.
rules.add_perm("community.view_training_list", is_organiser | is_trainer)
rules.add_perm("community.view_own_page", rules.is_authenticated)
rules.add_perm("community.set_own_password", rules.is_authenticated)
# Core shows the history of a subject; community knows who organises it, so it decides.
rules.add_perm("core.view_history", is_organiser_of_subject)
