"""An organiser copies a shipped method, adapts a phase and sees it on the method page; every
method page passes axe, also on a phone."""

from wijkdialoog.methods.models import Method
from wijkdialoog.methods.shipped import sync_shipped_methods


def _submit(page):
    page.click_and_wait("form.wd-form button[type=submit]")


def test_the_organiser_copies_a_shipped_method_and_changes_a_phase(page, organiser):
    sync_shipped_methods()  # a transactional test may have flushed the migration's methods
    shipped = Method.objects.get(organisation=None, family="waarderende-dialoog", language="nl")
    page.log_in(organiser.person.user)

    page.goto("/beheer/")
    page.click_and_wait("#methods-link")
    assert page.path() == "/beheer/werkvormen/"
    assert page.locator("#shipped-methods tbody tr").count() == 4
    page.click_and_wait(page.locator("#shipped-methods").get_by_role("link", name=shipped.name))
    assert page.locator("#read-only-note").is_visible()
    assert page.locator("#edit-method").count() == 0

    page.click_and_wait("#copy-method")
    copy = Method.objects.get(organisation=organiser.person.organisation, language="nl")
    assert page.path() == copy.get_absolute_url()
    assert copy.based_on == shipped

    phase = copy.phases.get(name="Ervaringen delen")
    page.click_and_wait(f"#phase-{phase.pk} a[href$='/bewerken/']")
    # A mistake first: the message shows next to the field and the typed text stays.
    page.fill("#id_minutes", "0")
    page.fill("#id_questions", "Wat gaf jou energie in de buurt?\nWie hielp je daarbij?")
    _submit(page)
    assert page.locator("#id_minutes_error").is_visible()
    assert page.input_value("#id_questions").startswith("Wat gaf jou energie")

    page.fill("#id_minutes", "30")
    _submit(page)
    assert page.path() == f"{copy.get_absolute_url()}#phases"
    card = page.locator(f"#phase-{phase.pk}")
    assert "30" in card.locator(".wd-phase__minutes").inner_text()
    assert card.locator(".wd-phase__questions li").all_inner_texts() == [
        "Wat gaf jou energie in de buurt?",
        "Wie hielp je daarbij?",
    ]
    phase.refresh_from_db()
    assert (phase.minutes, phase.position) == (30, 3)

    # Move it up, without JavaScript: a plain form.
    page.click_and_wait(card.locator("form:has(input[value=up]) button"))
    assert page.locator(".wd-phases > li").nth(1).get_attribute("id") == f"phase-{phase.pk}"

    page.click_and_wait("#edit-method")
    page.fill("#id_name", "Onze waarderende avond")
    _submit(page)
    assert page.locator("#method-name").inner_text() == "Onze waarderende avond"

    page.click_and_wait("#add-phase")
    page.fill("#id_name", "Vieren")
    page.fill("#id_questions", "Waar ben je trots op?")
    page.fill("#id_minutes", "10")
    page.check("input[name=card_kinds][value=quote]")
    _submit(page)
    assert page.locator(".wd-phases > li").count() == 7

    last = copy.phases.get(position=7)
    page.click_and_wait(f"#phase-{last.pk} a[href$='/verwijderen/']")
    page.click_and_wait("form.wd-actions button[type=submit]")
    assert list(copy.phases.values_list("position", flat=True)) == [1, 2, 3, 4, 5, 6]

    page.goto("/beheer/werkvormen/")
    assert page.locator("#own-methods").get_by_text("Onze waarderende avond").count() == 1


def test_a_facilitator_reads_a_method_on_a_phone(phone, facilitator):
    sync_shipped_methods()
    oasis = Method.objects.get(organisation=None, family="oasis", language="nl")
    phone.log_in(facilitator.person.user)

    phone.goto("/beheer/werkvormen/")
    phone.goto(oasis.get_absolute_url())

    assert phone.locator(".wd-phases > li").count() == 7
    assert phone.locator("#copy-method").count() == 0
    assert phone.locator("#table-cards-link").is_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
