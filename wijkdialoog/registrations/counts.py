"""How dialogues' availability counts registrations (provided in RegistrationsConfig.ready())."""

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from wijkdialoog.dialogues.availability import Counted, Counts
from wijkdialoog.dialogues.models import Meeting

from .models import Registration

STATUS = {
    Counted.CONFIRMED: Registration.Status.CONFIRMED,
    Counted.WAITING: Registration.Status.WAITING,
}


def subquery(counted: Counted) -> Coalesce:
    rows = (
        Registration.objects.filter(meeting=OuterRef("pk"), status=STATUS[counted])
        .order_by()
        .values("meeting")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def count(meeting: Meeting, counted: Counted) -> int:
    return Registration.objects.filter(meeting=meeting, status=STATUS[counted]).count()


REGISTRATION_COUNTS = Counts(subquery=subquery, count=count)
