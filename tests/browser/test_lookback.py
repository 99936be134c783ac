"""The look-back and public progress on a 360 px phone, every page checked with axe: the next
meeting's public page, facilitator mode's opening phase, and the neighbourhood page."""

from tests.builders import make_meeting, seat
from tests.followup.builders import past_meeting_with_actions
from tests.followup.initiative_builders import make_initiative
from wijkdialoog.followup import agreements, initiatives
from wijkdialoog.followup.models import Agreement
from wijkdialoog.harvest import running
from wijkdialoog.methods.models import Method
from wijkdialoog.methods.shipped import sync_shipped_methods

PHONE_WIDTH = 360


def fits(phone):
    return phone.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH


def test_the_look_back_and_progress_on_a_phone(phone, neighbourhood, organiser, facilitator):
    past, _people = past_meeting_with_actions(neighbourhood, days=-20)
    garden = make_initiative(past.series, name="Moestuin achter De Kersenboom")
    initiatives.post_update(initiative=garden, text="De bakken staan er.", actor=organiser)
    bench = Agreement.objects.create(series=past.series, title="Bankje", is_public=True)
    agreements.set_status(agreement=bench, status="bezig", text="Besteld.", actor=organiser)
    sync_shipped_methods()  # a transactional test may have flushed the migration's methods
    oasis = Method.objects.get(organisation=None, family="oasis", language="nl")
    meeting = make_meeting(past.series, days=0, hours=-0.5, method=oasis, seats=(8,))

    phone.goto(f"/bijeenkomst/{meeting.pk}/")
    assert "Moestuin achter De Kersenboom" in phone.locator("#look-back").inner_text()
    assert fits(phone)

    place = neighbourhood
    phone.goto(f"/wijk/{place.organisation.slug}/{place.slug}/")
    progress = phone.locator("#neighbourhood-progress").inner_text()
    assert "Bankje" in progress and "De bakken staan er." in progress
    assert fits(phone)

    table = meeting.tables.get()
    table.facilitator = facilitator.person
    table.save()
    seat(table, "Anna")
    running.start_run(table=table, actor=facilitator.person.user)
    phone.log_in(facilitator.person.user)
    phone.goto(f"/tafel/{table.pk}/")
    look_back = phone.locator("#run-look-back").inner_text()
    assert "Terugblik" in look_back and "Moestuin achter De Kersenboom" in look_back
    assert fits(phone)


def test_the_organiser_sees_the_timeline_and_the_csv_page_on_a_phone(
    phone, neighbourhood, organiser
):
    past, _people = past_meeting_with_actions(neighbourhood, days=-20)
    make_initiative(past.series, name="Moestuin achter De Kersenboom")
    Agreement.objects.create(series=past.series, title="Bankje")
    make_meeting(past.series, days=7)
    phone.log_in(organiser.person.user)
    phone.goto(f"/beheer/wijkdialogen/{past.series_id}/")
    assert "Bankje" in phone.locator("#series-timeline").inner_text()
    assert fits(phone)
    phone.goto(f"/beheer/wijkdialogen/{past.series_id}/afspraken/import/")
    phone.set_input_files(
        "#id_file",
        files=[{"name": "s.csv", "mimeType": "text/csv", "buffer": b"id,status\n1,misschien\n"}],
    )
    phone.click_and_wait("#agreements-import-form button[type=submit]")
    assert "Rij 2" in phone.locator("#agreements-import-form").inner_text()
    assert fits(phone)
