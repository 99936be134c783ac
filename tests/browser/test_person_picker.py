"""Organiser forms in the browser: nothing is marked red before anyone typed, and people are
picked from a searchable select that tells two people with the same name apart."""

from tests.builders import make_person
from wijkdialoog.community.models import Neighbourhood
from wijkdialoog.dialogues.models import Series

INVALID_FIELDS = "document.querySelectorAll('form.wd-form :invalid, [aria-invalid=true]').length"


def people(organisation, neighbourhood):
    rietveld = Neighbourhood.objects.create(
        organisation=organisation, name="Rietveld", slug="rietveld", municipality="Westerlaan"
    )
    for number in range(40):
        make_person(organisation, first_name=f"Buur {number:02d}", neighbourhood=neighbourhood)
    kers = make_person(
        organisation, first_name="Anna", last_name="de Vries", neighbourhood=neighbourhood
    )
    riet = make_person(
        organisation, first_name="Anna", last_name="de Vries", neighbourhood=rietveld
    )
    return kers, riet


def visible_options(page, selector):
    return page.eval_on_selector(
        selector, "s => Array.from(s.options).filter(o => !o.hidden).map(o => o.textContent)"
    )


def test_an_organiser_picks_initiators_by_searching_and_nothing_is_red_before_typing(
    page, organiser, organisation, neighbourhood
):
    kers, riet = people(organisation, neighbourhood)
    page.log_in(organiser.person.user)
    page.goto("/beheer/wijkdialogen/nieuw/")
    assert page.evaluate(INVALID_FIELDS) == 0

    search = page.get_by_label("Zoek op naam, wijk of e-mailadres")
    search.fill("anna riet")
    assert visible_options(page, "#id_initiators") == ["Anna de Vries (Rietveld)"]
    page.click("#id_initiators option:not([hidden])")
    search.fill("anna kersen")
    assert visible_options(page, "#id_initiators") == [
        "Anna de Vries (Kersenbuurt)",
        "Anna de Vries (Rietveld)",  # what is chosen stays in view
    ]
    page.click("#id_initiators option:text('Anna de Vries (Kersenbuurt)')")
    page.page.screenshot(path="/tmp/shots/security/initiators-1280.png", full_page=True)

    page.fill("#id_theme", "Thuis in de Kersenbuurt")
    page.fill("#id_description", "Buren praten over thuis zijn in de wijk.")
    page.click_and_wait("form.wd-form button[type=submit]")
    assert set(Series.objects.get().initiators.all()) == {kers, riet}


def test_on_a_phone_the_table_form_shows_no_errors_before_typing_and_a_searchable_harvester(
    phone, organiser, organisation, neighbourhood
):
    from tests.builders import make_meeting, make_series

    kers, _riet = people(organisation, neighbourhood)
    meeting = make_meeting(make_series(neighbourhood, theme="Thuis", slug="thuis"))
    phone.log_in(organiser.person.user)
    phone.goto(f"/beheer/bijeenkomsten/{meeting.pk}/tafels/nieuw/")
    assert phone.evaluate(INVALID_FIELDS) == 0
    phone.locator("#id_harvester_search").fill("vries kersen")
    assert visible_options(phone, "#id_harvester") == ["Niemand", "Anna de Vries (Kersenbuurt)"]
    phone.select_option("#id_harvester", label="Anna de Vries (Kersenbuurt)")
    phone.page.screenshot(path="/tmp/shots/security/table-form-360.png", full_page=True)
    phone.click_and_wait("form.wd-form button[type=submit]")
    assert meeting.tables.get().harvester == kers


def test_a_short_list_of_people_gets_no_search_box(page, organiser, facilitator, neighbourhood):
    from tests.builders import make_meeting, make_series

    meeting = make_meeting(make_series(neighbourhood, theme="Thuis", slug="thuis"))
    page.log_in(organiser.person.user)
    page.goto(f"/beheer/bijeenkomsten/{meeting.pk}/tafels/nieuw/")
    assert page.locator("#id_facilitator_search").count() == 0
    assert page.locator("#id_harvester_search").count() == 0
