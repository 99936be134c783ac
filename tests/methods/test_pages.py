"""The method pages through the real HTTP interface: the library, a method, copy and adapt."""

from django.urls import reverse

from wijkdialoog.core.models import AuditEntry
from wijkdialoog.methods import library
from wijkdialoog.methods.models import Method, Phase


def phase_data(**changes):
    data = {
        "name": "Terugblikken",
        "purpose": "We kijken terug op de vorige ronde.",
        "questions": "Wat is er gebeurd sinds de vorige keer?\n\n  Waar ben je blij mee?  ",
        "minutes": "20",
        "card_kinds": ["experience", "action"],
    }
    data.update(changes)
    return data


def test_the_library_shows_each_shipped_method_once_with_its_languages_and_minutes(
    client_for, shipped_methods, own_method
):
    response = client_for("organiser").get(reverse("method-list"))

    shipped = response.context["shipped"]
    assert [row["method"].family for row in shipped] == [
        "appreciative-inquiry",
        "oasis",
        "thema-verkenning",
        "waarderende-dialoog",
    ]
    for row in shipped:
        assert [version.language for version in row["versions"]] == ["nl", "en"]
    waarderende = shipped[-1]["method"]
    assert waarderende.total_minutes == 145 and waarderende.phase_count == 6
    own = response.context["own"]
    assert [row["method"] for row in own] == [own_method]
    html = response.content.decode()
    for method in Method.objects.filter(organisation__isnull=True):
        assert method.get_absolute_url() in html


def test_the_library_does_not_show_other_organisations_methods(
    client_for, own_method, other_method
):
    response = client_for("outsider").get(reverse("method-list"))

    assert [row["method"] for row in response.context["own"]] == [other_method]
    assert own_method.get_absolute_url() not in response.content.decode()


def test_the_library_has_a_fixed_number_of_queries(
    client_for, waarderende_dialoog, organisation, django_assert_max_num_queries
):
    client = client_for("organiser")
    library.copy_method(method=waarderende_dialoog, organisation=organisation, actor=None)
    with django_assert_max_num_queries(5):
        assert client.get(reverse("method-list")).status_code == 200
    for _ in range(8):
        library.copy_method(method=waarderende_dialoog, organisation=organisation, actor=None)
    with django_assert_max_num_queries(5):
        response = client.get(reverse("method-list"))
    assert len(response.context["own"]) == 9


def test_a_method_page_shows_rules_phases_questions_minutes_and_card_kinds(
    client_for, waarderende_dialoog
):
    response = client_for("facilitator").get(waarderende_dialoog.get_absolute_url())

    html = response.content.decode()
    for rule in waarderende_dialoog.rules_list:
        assert rule in html
    for phase in waarderende_dialoog.phases.all():
        assert f'id="phase-{phase.pk}"' in html
        assert phase.name in html
        for question in phase.questions_list:
            assert question in html
    english = Method.objects.get(family="waarderende-dialoog", language="en", organisation=None)
    assert english.get_absolute_url() in html
    assert reverse("method-guide", args=[waarderende_dialoog.pk]) in html
    assert reverse("method-table-cards", args=[waarderende_dialoog.pk]) in html
    # A facilitator reads; copying and changing are for organisers.
    assert 'id="copy-method"' not in html
    assert 'id="edit-method"' not in html


def test_a_shipped_method_offers_organisers_a_copy_and_no_changes(client_for, waarderende_dialoog):
    html = client_for("organiser").get(waarderende_dialoog.get_absolute_url()).content.decode()

    assert 'id="copy-method"' in html
    assert 'id="read-only-note"' in html
    assert 'id="edit-method"' not in html
    assert "add-phase" not in html
    assert reverse("phase-edit", args=[waarderende_dialoog.phases.first().pk]) not in html


def test_an_own_method_page_offers_every_change(client_for, own_method):
    html = client_for("organiser").get(own_method.get_absolute_url()).content.decode()

    assert 'id="edit-method"' in html and 'id="add-phase"' in html
    for phase in own_method.phases.all():
        assert reverse("phase-edit", args=[phase.pk]) in html
        assert reverse("phase-delete", args=[phase.pk]) in html
        assert reverse("phase-move", args=[phase.pk]) in html


def test_copying_through_the_page_leads_to_the_copy(client_for, waarderende_dialoog, organisation):
    response = client_for("organiser").post(reverse("method-copy", args=[waarderende_dialoog.pk]))

    copy = Method.objects.get(organisation=organisation, language="nl")
    assert response["Location"] == copy.get_absolute_url()
    assert copy.based_on == waarderende_dialoog
    assert copy.phases.count() == 6


def test_an_organiser_changes_the_name_summary_and_rules(client_for, own_method):
    response = client_for("organiser").post(
        reverse("method-edit", args=[own_method.pk]),
        {
            "name": "Korte avond",
            "summary": "Voor een avond van twee uur.",
            "conversation_rules": "Spreek vanuit jezelf.\n\n   Luister goed.  \n",
        },
    )

    assert response.status_code == 302
    own_method.refresh_from_db()
    assert own_method.name == "Korte avond"
    assert own_method.rules_list == ["Spreek vanuit jezelf.", "Luister goed."]
    assert own_method.conversation_rules == "Spreek vanuit jezelf.\nLuister goed."
    assert AuditEntry.objects.filter(action="method.changed").exists()


def test_a_method_needs_a_name(client_for, own_method):
    response = client_for("organiser").post(
        reverse("method-edit", args=[own_method.pk]), {"name": "", "conversation_rules": ""}
    )

    assert response.status_code == 200
    assert "name" in response.context["form"].errors
    assert 'id="id_name_error"' in response.content.decode()


def test_an_organiser_adds_a_phase_at_the_end(client_for, own_method):
    response = client_for("organiser").post(
        reverse("phase-create", args=[own_method.pk]), phase_data()
    )

    assert response.status_code == 302
    phase = own_method.phases.get(position=7)
    assert phase.name == "Terugblikken"
    assert phase.questions_list == [
        "Wat is er gebeurd sinds de vorige keer?",
        "Waar ben je blij mee?",
    ]
    assert phase.questions == "Wat is er gebeurd sinds de vorige keer?\nWaar ben je blij mee?"
    assert phase.card_kinds == ["experience", "action"]


def test_an_organiser_changes_a_phases_minutes_and_question(client_for, own_method):
    phase = own_method.phases.get(position=3)

    response = client_for("organiser").post(
        reverse("phase-edit", args=[phase.pk]),
        phase_data(name=phase.name, minutes="30", questions="Wat gaf jou energie?"),
    )

    assert response.status_code == 302
    phase.refresh_from_db()
    assert (phase.minutes, phase.questions, phase.position) == (30, "Wat gaf jou energie?", 3)
    entry = AuditEntry.objects.get(action="method.phase_changed")
    assert entry.payload["minutes"] == [40, 30]


def test_minutes_must_be_from_1_to_240_and_a_phase_needs_a_question(client_for, own_method):
    phase = own_method.phases.get(position=3)
    client = client_for("organiser")
    for minutes in ("0", "241", "", "veel"):
        response = client.post(reverse("phase-edit", args=[phase.pk]), phase_data(minutes=minutes))
        assert response.status_code == 200
        assert "minutes" in response.context["form"].errors, minutes
    for questions in ("", "  \n \n"):
        response = client.post(
            reverse("phase-create", args=[own_method.pk]), phase_data(questions=questions)
        )
        assert response.status_code == 200
        assert "questions" in response.context["form"].errors
    response = client.post(
        reverse("phase-edit", args=[phase.pk]), phase_data(card_kinds=["gossip"])
    )
    assert "card_kinds" in response.context["form"].errors
    phase.refresh_from_db()
    assert phase.minutes == 40
    assert own_method.phases.count() == 6


def test_moving_and_removing_phases_keeps_the_positions_consecutive(client_for, own_method):
    client = client_for("organiser")
    names = list(own_method.phases.values_list("name", flat=True))
    third = own_method.phases.get(position=3)

    client.post(reverse("phase-move", args=[third.pk]), {"direction": "up"})
    client.post(reverse("phase-delete", args=[own_method.phases.get(position=1).pk]))
    client.post(reverse("phase-move", args=[third.pk]), {"direction": "down"})
    client.post(reverse("phase-create", args=[own_method.pk]), phase_data())

    phases = list(own_method.phases.values_list("position", "name"))
    assert [position for position, _ in phases] == [1, 2, 3, 4, 5, 6]
    assert [name for _, name in phases] == [
        names[1],
        names[2],
        names[3],
        names[4],
        names[5],
        "Terugblikken",
    ]


def test_a_move_without_a_direction_changes_nothing(client_for, own_method):
    phase = own_method.phases.get(position=2)

    response = client_for("organiser").post(reverse("phase-move", args=[phase.pk]))

    assert response.status_code == 302
    assert Phase.objects.get(pk=phase.pk).position == 2


def test_the_only_phase_left_cannot_be_removed(client_for, own_method):
    own_method.phases.exclude(position=1).delete()
    phase = own_method.phases.get()

    response = client_for("organiser").post(reverse("phase-delete", args=[phase.pk]))

    assert response.status_code == 400
    assert Phase.objects.filter(pk=phase.pk).exists()
