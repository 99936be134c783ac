"""A series has a default method and a meeting may use another, chosen on the planning forms."""

import datetime

from django.urls import reverse
from django.utils import timezone

from tests.builders import make_meeting, make_series, make_table
from wijkdialoog.dialogues.forms import MeetingForm, SeriesForm
from wijkdialoog.dialogues.models import Meeting, Series
from wijkdialoog.methods.selection import method_for_table


def test_the_forms_offer_the_dutch_shipped_methods_and_the_organisations_own(
    organisation, shipped_methods, own_method, other_method
):
    expected = set(shipped_methods.filter(language="nl")) | {own_method}

    for form in (SeriesForm(organisation=organisation), MeetingForm(organisation=organisation)):
        field = form.fields["default_method" if isinstance(form, SeriesForm) else "method"]
        assert set(field.queryset) == expected
        assert other_method not in field.queryset


def test_a_series_gets_a_default_method_through_its_form(
    client_for, neighbourhood, waarderende_dialoog
):
    response = client_for("organiser").post(
        reverse("series-create"),
        {
            "neighbourhood": neighbourhood.pk,
            "theme": "Erbij horen",
            "slug": "",
            "description": "Over erbij horen.",
            "cadence_weeks": "8",
            "default_method": waarderende_dialoog.pk,
        },
    )

    assert response.status_code == 302
    assert Series.objects.get().default_method == waarderende_dialoog


def test_a_meeting_may_choose_another_method_than_its_series(
    client_for, neighbourhood, waarderende_dialoog, own_method
):
    series = make_series(neighbourhood, default_method=waarderende_dialoog)
    starts = timezone.localtime(timezone.now() + datetime.timedelta(days=20)).replace(
        second=0, microsecond=0
    )
    response = client_for("organiser").post(
        reverse("meeting-create", args=[series.pk]),
        {
            "kind": "dialoog",
            "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (starts + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
            "method": own_method.pk,
            "reminder_hours_before": "48",
        },
    )

    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.method == own_method
    assert meeting.effective_method == own_method
    english_table = make_table(meeting, language="en")
    assert method_for_table(english_table).language == "en"
    assert method_for_table(english_table).family == own_method.family


def test_another_organisations_method_cannot_be_chosen(client_for, neighbourhood, other_method):
    series = make_series(neighbourhood)
    meeting = make_meeting(series)
    response = client_for("organiser").post(
        reverse("series-edit", args=[series.pk]),
        {
            "neighbourhood": neighbourhood.pk,
            "theme": series.theme,
            "slug": series.slug,
            "description": series.description,
            "default_method": other_method.pk,
        },
    )

    assert response.status_code == 200
    assert "default_method" in response.context["form"].errors
    series.refresh_from_db()
    assert series.default_method is None
    assert meeting.effective_method is None


def test_a_table_follows_the_series_default_in_its_own_language(
    neighbourhood, shipped_methods, waarderende_dialoog
):
    meeting = make_meeting(make_series(neighbourhood, default_method=waarderende_dialoog))

    dutch, english, simple = (
        make_table(meeting, number=n, language=language)
        for n, language in enumerate(["nl", "en", "nl-eenvoudig"], start=1)
    )

    assert method_for_table(dutch) == waarderende_dialoog
    assert method_for_table(english) == shipped_methods.get(
        family="waarderende-dialoog", language="en"
    )
    assert method_for_table(simple) == waarderende_dialoog
