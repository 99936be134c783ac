"""Permissions of the followup app. Subjects are a Meeting, a Series or a StepAnswer. The
person's own answers go through their personal link, which needs no permission."""

from typing import Any

import rules

from wijkdialoog.community.rules import is_organiser_of_subject

# The counts per meeting or series, and the list of people who asked for help.
rules.add_perm("followup.view_counts", is_organiser_of_subject)
rules.add_perm("followup.handle_help", is_organiser_of_subject)


# --- The kerngroep. Subjects are a Series. Members through their link need no permission. ---


@rules.predicate
def is_kerngroep_member(user: Any, series: Any) -> bool:
    from .models import KerngroepMember

    if series is None or not user.is_authenticated:
        return False
    return KerngroepMember.objects.filter(
        series=series, person__user=user, left_at__isnull=True
    ).exists()


rules.add_perm("followup.manage_kerngroep", is_organiser_of_subject)
rules.add_perm("followup.use_kerngroep", is_kerngroep_member)
