import pytest

from wijkdialoog.methods.models import Method
from wijkdialoog.methods.shipped import sync_shipped_methods


@pytest.fixture
def shipped_methods(db):
    """The shipped methods; loaded again when a transactional test flushed them away."""
    sync_shipped_methods()
    return Method.objects.filter(organisation__isnull=True)


@pytest.fixture
def waarderende_dialoog(shipped_methods):
    return shipped_methods.get(family="waarderende-dialoog", language="nl")


@pytest.fixture
def own_method(waarderende_dialoog, organisation, organiser):
    from wijkdialoog.methods.library import copy_method

    return copy_method(
        method=waarderende_dialoog, organisation=organisation, actor=organiser.person.user
    )


@pytest.fixture
def other_method(waarderende_dialoog, other_organisation):
    from wijkdialoog.methods.library import copy_method

    return copy_method(method=waarderende_dialoog, organisation=other_organisation, actor=None)
