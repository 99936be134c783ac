"""Which language version of a method a table follows.

Each language version of a method is its own row; versions share `family` and organisation.
Facilitator mode and the harvest ask here, so every table reads the same version.
"""

from django.db.models import F, Q

from wijkdialoog.methods.models import Method
from wijkdialoog.methods.shipped import sync_shipped_methods

WAARDERENDE_DIALOOG = "waarderende-dialoog"

# Table languages that have no method version of their own read the Dutch one.
_METHOD_LANGUAGE_FOR_TABLE = {"en": "en"}


def method_language_for(table_language: str) -> str:
    """The method language for a table language: English for English, else Dutch."""
    return _METHOD_LANGUAGE_FOR_TABLE.get(table_language, "nl")


def method_in_language(method: Method | None, language: str) -> Method | None:
    """The version of `method` in `language`, else its Dutch version, else whatever exists."""
    if method is None:
        return None
    if method.language == language:
        return method
    versions = {
        version.language: version
        for version in Method.objects.filter(
            family=method.family,
            organisation_id=method.organisation_id,  # type: ignore[misc]  # None: shipped methods
        )
    }
    return versions.get(language) or versions.get("nl") or method


def method_for_table(table) -> Method | None:
    """The version of the meeting's effective method in the table's language (or None)."""
    method = table.meeting.effective_method
    return method_in_language(method, method_language_for(table.language))


def default_builtin_method(language: str = "nl") -> Method | None:
    """The shipped waarderende dialoog in `language` (Dutch if that language is missing).

    Loads the shipped methods first if they are gone, as after a database flush (the demo
    reset, transactional tests); an install has them from the data migration."""
    versions = _builtin_versions(WAARDERENDE_DIALOOG)
    if not versions:
        sync_shipped_methods()
        versions = _builtin_versions(WAARDERENDE_DIALOOG)
    return versions.get(language) or versions.get("nl")


def _builtin_versions(family: str) -> dict[str, Method]:
    return {
        version.language: version
        for version in Method.objects.filter(organisation__isnull=True, family=family)
    }


def choosable_methods(organisation):
    """The methods a series or meeting can choose: the Dutch versions of the shipped methods and
    of the organisation's own. Each table then follows its own language (`method_for_table`)."""
    return Method.objects.filter(
        Q(organisation__isnull=True) | Q(organisation=organisation), language="nl"
    ).order_by(F("organisation_id").asc(nulls_first=True), "name")
