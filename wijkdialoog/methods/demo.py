"""Demo data for methods: the Kersenbuurt series follows the waarderende dialoog, Rietveld the
Oasis steps, and the organisation has its own short evening version for one upcoming meeting.

Puts in the context "methods": the Dutch version of each method under its key
("waarderende_dialoog", "appreciative_inquiry", "oasis", "thema_verkenning",
"korte_avondversie") and the English version under the same key with "_en".
A table's own version comes from `methods.selection.method_for_table`.
"""

from . import library
from .models import Method
from .shipped import sync_shipped_methods

SHORT_EVENING = {
    "nl": {
        "name": "Waarderende dialoog – korte avondversie",
        "summary": (
            "Dezelfde stappen als de waarderende dialoog, in twee uur. Voor een doordeweekse "
            "avond: kortere rondes, en bij het kennismaken één vraag minder."
        ),
    },
    "en": {
        "name": "Appreciative dialogue – short evening version",
        "summary": (
            "The same steps as the appreciative dialogue, in two hours. For a weekday evening: "
            "shorter rounds, and one question less when getting to know each other."
        ),
    },
}
# Minutes per phase, from the opening to the closing: 120 instead of 145.
SHORT_EVENING_MINUTES = [10, 20, 35, 20, 25, 10]


def _shorten(method: Method) -> Method:
    method = library.update_method(method=method, actor=None, **SHORT_EVENING[method.language])
    for phase, minutes in zip(method.phases.all(), SHORT_EVENING_MINUTES, strict=True):
        changes: dict = {"minutes": minutes}
        if phase.position == 2:
            changes["questions"] = "\n".join(phase.questions_list[:2])
        library.update_phase(phase=phase, actor=None, **changes)
    return method


def load(context) -> None:
    # The demo starts from a flushed database, without the methods of the data migration.
    sync_shipped_methods()
    shipped = {
        (method.family, method.language): method
        for method in Method.objects.filter(organisation__isnull=True)
    }
    series = context["series"]
    meetings = context["meetings"]

    series["kersenbuurt"].default_method = shipped["waarderende-dialoog", "nl"]
    series["rietveld"].default_method = shipped["oasis", "nl"]
    for one in series.values():
        one.save(update_fields=["default_method", "updated_at"])

    short = library.copy_method(
        method=shipped["waarderende-dialoog", "nl"],
        organisation=context["organisation"],
        actor=None,
    )
    short_versions = {
        version.language: _shorten(version)
        for version in Method.objects.filter(organisation=short.organisation, family=short.family)
    }
    later = meetings["kersenbuurt_later"]
    later.method = short_versions["nl"]
    later.save(update_fields=["method", "updated_at"])

    methods = {}
    for family in ("waarderende-dialoog", "appreciative-inquiry", "oasis", "thema-verkenning"):
        key = family.replace("-", "_")
        methods[key] = shipped[family, "nl"]
        methods[f"{key}_en"] = shipped[family, "en"]
    methods["korte_avondversie"] = short_versions["nl"]
    methods["korte_avondversie_en"] = short_versions["en"]
    context["methods"] = methods
