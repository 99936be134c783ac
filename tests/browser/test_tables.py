"""The organiser divides people over tables and moves one by hand; at the door, on a phone,
people are checked in by button and by code, and a walk-in gets a seat. Every page opened is
checked with axe."""

from django.urls import reverse
from playwright.sync_api import expect

from tests.builders import fill, make_meeting, make_membership, make_organisation, make_registration
from wijkdialoog.community.models import Neighbourhood
from wijkdialoog.registrations.models import Registration


def organisation_with_meeting(seats=(8, 8, 8), days=7):
    organisation = make_organisation(name="Buurtwerk De Brug", slug="de-brug")
    organiser = make_membership(
        organisation, "organiser", first_name="Samira", email="samira@example.org"
    )
    neighbourhood = Neighbourhood.objects.create(
        organisation=organisation, name="Kersenbuurt", slug="kersenbuurt"
    )
    return organiser, make_meeting(neighbourhood, seats=seats, days=days)


def test_the_organiser_divides_people_over_tables_and_moves_one_by_hand(page, db):
    organiser, meeting = organisation_with_meeting()
    fill(meeting, 14)
    anneke = make_registration(meeting, "Anneke", age_group="75+", access_needs="Rolstoel")
    make_registration(meeting, "Joke", party_lead=anneke)
    page.log_in(organiser.person.user)

    page.goto(reverse("table-division", args=[meeting.pk]))
    assert page.locator("#count-unplaced").inner_text() == "16"
    page.click_and_wait("#divide-button")

    assert page.locator("#count-placed").inner_text() == "16"
    assert page.locator("#count-unplaced").inner_text() == "0"
    anneke.refresh_from_db()
    joke = Registration.objects.get(person__first_name="Joke")
    assert joke.table_id == anneke.table_id
    for number in (1, 2, 3):
        assert page.locator(f"#table-{number} .wd-people > li").count() in (5, 6)

    # Move Anneke (and Joke with her) to another table.
    target = meeting.tables.exclude(pk=anneke.table_id).order_by("number").first()
    row = page.locator(f"#person-{anneke.pk}")
    page.select_option(f"#move-{anneke.pk}", str(target.pk))
    page.click_and_wait(row.locator("form[action$='/verplaatsen/'] button"))

    anneke.refresh_from_db()
    joke.refresh_from_db()
    assert anneke.table == target
    assert joke.table == target
    assert anneke.table_locked
    assert page.locator(f"#table-{target.number} #person-{anneke.pk}").count() == 1

    # Dividing again leaves her where she was put.
    page.click_and_wait("#divide-button")
    anneke.refresh_from_db()
    assert anneke.table == target
    assert page.locator(f"#table-{target.number} #person-{anneke.pk}").count() == 1


def test_at_the_door_people_are_checked_in_on_a_phone(phone, db):
    organiser, meeting = organisation_with_meeting(seats=(4, 4), days=0)
    people = fill(meeting, 6)
    tables = list(meeting.tables.order_by("number"))
    for i, person in enumerate(people):
        person.table = tables[i % 2]
        person.save()
    phone.log_in(organiser.person.user)

    phone.goto(reverse("check-in", args=[meeting.pk]))
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    assert phone.locator("#count-expected").inner_text() == "6"

    # By the big button.
    first = people[0]
    phone.click_and_wait(phone.locator(f"#registration-{first.pk} button"))
    assert phone.locator(f"#registration-{first.pk}").get_attribute("data-checked-in") == "yes"
    assert phone.locator("#count-checked-in").inner_text() == "1"

    # By the code from the confirmation mail, typed in lower case with a dash.
    second = people[1]
    code = second.check_in_code
    phone.fill("#id_code", f"{code[:3].lower()}-{code[3:].lower()}")
    phone.click_and_wait("#code-form button[type=submit]")
    second.refresh_from_db()
    assert second.checked_in_at is not None
    assert phone.locator("#count-checked-in").inner_text() == "2"

    # Undo a mistake.
    phone.click_and_wait(phone.locator(f"#registration-{first.pk} button"))
    first.refresh_from_db()
    assert first.checked_in_at is None

    # Search by first name.
    phone.fill("#id_q", people[3].person.first_name)
    phone.click_and_wait("form[role=search] button[type=submit]")
    assert phone.locator("#check-in-list > li").count() == 1

    # Someone walks in without registering.
    phone.fill("#id_walk_in-first_name", "Kees")
    phone.select_option("#id_walk_in-age_group", "65+")
    phone.check("#id_walk_in-consent")
    phone.click_and_wait("#walk-in-form button[type=submit]")
    kees = Registration.objects.get(person__first_name="Kees")
    assert kees.checked_in_at is not None
    assert kees.table is not None
    assert Registration.objects.filter(table=kees.table).count() <= kees.table.seats
    assert phone.locator("#count-walk-ins").inner_text() == "1"
    assert phone.locator("#count-seats-left").inner_text() == "1"


def test_the_division_page_works_on_a_phone(phone, db):
    organiser, meeting = organisation_with_meeting(seats=(4, 4))
    fill(meeting, 5)
    phone.log_in(organiser.person.user)
    phone.goto(reverse("table-division", args=[meeting.pk]))
    phone.click_and_wait("#divide-button")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    assert phone.locator("#count-placed").inner_text() == "5"


def test_after_a_wrong_code_the_search_filters_as_you_type_and_finds_the_person(phone, db):
    organiser, meeting = organisation_with_meeting(seats=(4, 4), days=0)
    facilitator = make_membership(
        organiser.person.organisation, "facilitator", first_name="Fenna", email="f@example.org"
    )
    meeting.tables.filter(number=1).update(facilitator=facilitator.person)
    people = fill(meeting, 6)
    wanted = people[4]
    phone.log_in(facilitator.person.user)
    phone.goto(reverse("check-in", args=[meeting.pk]))

    phone.fill("#id_code", "zzz-zzz")
    phone.click_and_wait("#code-form button[type=submit]")
    assert phone.locator("#id_code-error, .utrecht-form-field-error-message").count() >= 1

    # Typing filters the list in place (htmx), without leaving the page.
    phone.locator("#id_q").press_sequentially(wanted.person.first_name[-3:], delay=50)
    expect(phone.locator("#check-in-list > li")).to_have_count(1)
    assert phone.locator(f"#registration-{wanted.pk}").count() == 1
    assert phone.path().startswith(reverse("check-in", args=[meeting.pk]) + "?q=")

    # The search button (what works without JavaScript) lands on the check-in page, not a 405.
    phone.click_and_wait("form[role=search] button[type=submit]")
    assert phone.path().startswith(reverse("check-in", args=[meeting.pk]) + "?q=")
    assert phone.locator("#check-in-list > li").count() == 1
    phone.click_and_wait(phone.locator(f"#registration-{wanted.pk} button"))
    wanted.refresh_from_db()
    assert wanted.checked_in_at is not None


def test_the_organiser_swaps_two_people_between_full_tables(page, db):
    organiser, meeting = organisation_with_meeting(seats=(4, 4))
    one, two = meeting.tables.order_by("number")
    at_one = [make_registration(meeting, name, table=one) for name in ("Bram", "Carla", "Daan")]
    anneke = make_registration(meeting, "Anneke", table=one)
    at_two = [make_registration(meeting, name, table=two) for name in ("Els", "Fatima")]
    dirk = make_registration(meeting, "Dirk", table=two)
    make_registration(meeting, "Joke", table=two, party_lead=dirk)
    page.log_in(organiser.person.user)
    page.goto(reverse("table-division", args=[meeting.pk]))

    page.click_and_wait(page.locator(f"#person-{at_one[0].pk} .wd-swap-link"))
    # Dirk comes with Joke: swapping him for Bram alone would overfill table 1.
    page.click_and_wait(page.locator(f"#swap-{dirk.pk} button"))
    assert "Dirk" in page.locator("#swap-errors").inner_text()
    assert Registration.objects.get(pk=dirk.pk).table == two

    page.click_and_wait(page.locator(f"#swap-{at_two[0].pk} button"))
    assert page.locator(f"#table-2 #person-{at_one[0].pk}").count() == 1
    assert page.locator(f"#table-1 #person-{at_two[0].pk}").count() == 1
    assert Registration.objects.filter(table=one).count() == 4
    assert Registration.objects.filter(table=two).count() == 4
    assert Registration.objects.get(pk=anneke.pk).table == one
