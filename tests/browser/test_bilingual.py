"""English visitors on a phone: the organiser's English texts, or the Dutch ones marked as Dutch
(axe checks the page, including its lang attributes). Partners and trainers find their part of
the harvest and the training list on My page. Every page is checked with axe by the fixtures."""

from tests.builders import make_meeting, make_series, make_venue
from wijkdialoog.harvest.models import Card

PHONE_WIDTH = 360


def english(page):
    page.context.add_cookies([{"name": "wijkdialoog_language", "value": "en", "url": page.base}])


def test_an_english_visitor_reads_the_english_texts_or_the_dutch_ones_marked_as_dutch(
    phone, neighbourhood, organisation
):
    venue = make_venue(organisation, public_transport="Bus 15, halte Kersenplein.")
    series = make_series(neighbourhood, theme="Thuis in je buurt", theme_en="At home")
    meeting = make_meeting(series, venue=venue, what_to_expect_en="Coffee and a good talk.")
    english(phone)

    phone.goto(f"/bijeenkomst/{meeting.pk}/")

    assert phone.locator("#what-to-expect").inner_text().count("Coffee and a good talk.") == 1
    assert "(in het Nederlands)" not in phone.locator("#what-to-expect").inner_text()
    described = phone.locator("#series-description [lang=nl]")
    assert "(in het Nederlands)" in described.inner_text()
    assert "Praten over thuis zijn in de buurt." in described.inner_text()
    transport = phone.locator("#public-transport [lang=nl]").first
    assert "Bus 15, halte Kersenplein." in transport.inner_text()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH


def test_a_partner_reads_the_questions_for_partners_and_opens_the_wall(
    phone, partner, neighbourhood
):
    past = make_meeting(neighbourhood, days=-7, hours=-0.5)
    Card.objects.create(meeting=past, kind="question", text="Kan er een bankje komen?")
    Card.objects.create(meeting=past, kind="dream", text="Een groene straat")
    phone.log_in(partner.person.user)

    phone.goto("/mijn/")

    assert "Kan er een bankje komen?" in phone.locator("#partner-questions").inner_text()
    assert "Een groene straat" in phone.locator("#partner-harvest").inner_text()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH
    phone.click_and_wait(phone.locator(f"#partner-meeting-{past.pk} a[href*='oogstmuur']"))
    assert phone.path() == f"/bijeenkomst/{past.pk}/oogstmuur/"


def test_a_trainer_goes_from_the_menu_to_the_training_list(page, trainer, facilitator):
    page.log_in(trainer.person.user)
    page.goto("/mijn/")
    assert "1 dialoogbegeleider is getraind" in page.locator("#my-training").inner_text()

    page.click_and_wait(page.locator("header nav a[href='/beheer/training/']"))

    assert "Fenna" in page.locator("main").inner_text()
