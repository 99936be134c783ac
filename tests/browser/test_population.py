"""The population page and who came on the series page, on a 360 px phone: the organiser uploads
the CBS file (first a malformed one), and sees who is missing. Every page is checked with axe."""

from tests.builders import make_meeting, make_registration, make_series
from tests.reporting.population_data import FIXTURE, with_value
from wijkdialoog.reporting.models import Population

PHONE_WIDTH = 360


def fits(phone) -> bool:
    return phone.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH


def test_the_organiser_imports_the_cbs_table_on_a_phone(phone, neighbourhood, organiser, tmp_path):
    broken = tmp_path / "kerncijfers-2024.csv"
    broken.write_bytes(with_value(5, "k_15Tot25Jaar_9", "veel"))
    phone.log_in(organiser.person.user)

    phone.goto(f"/beheer/wijken/{neighbourhood.pk}/")
    phone.click_and_wait("#population-panel a")
    assert fits(phone)
    phone.fill("#id_region_code", "WK999901")
    phone.set_input_files("#id_file", str(broken))
    phone.click_and_wait("#population-import-form button[type=submit]")
    assert "Rij 5, kolom “k_15Tot25Jaar_9”" in phone.locator("#id_file_error").inner_text()
    assert not Population.objects.exists()
    assert fits(phone)

    phone.fill("#id_region_code", "WK999901")
    phone.set_input_files("#id_file", str(FIXTURE))
    phone.click_and_wait("#population-import-form button[type=submit]")
    assert "6240" in phone.locator("#population-figures").inner_text()
    assert fits(phone) or phone.locator(".wd-table-wrap").count() == 1


def test_the_series_page_shows_who_came_on_a_phone(phone, neighbourhood, organiser):
    from wijkdialoog.reporting.population import enter_population

    enter_population(
        neighbourhood=neighbourhood,
        year=2024,
        actor=organiser.person.user,
        inhabitants=1000,
        age_0_15=150,
        age_15_25=150,
        age_25_45=300,
        age_45_65=250,
        age_65_plus=150,
    )
    series = make_series(neighbourhood)
    meeting = make_meeting(series, days=-7)
    for number in range(12):
        make_registration(
            meeting, f"Gast{number}", age_group="65+" if number % 2 else "45-64", checked_in=True
        )
    phone.log_in(organiser.person.user)

    phone.goto(f"/beheer/wijkdialogen/{series.pk}/")

    panel = phone.locator("#who-came-panel")
    assert "Jongeren van 15 tot 25: 15% van de buurt, 0% van de deelnemers." in panel.inner_text()
    assert panel.locator("svg[role=img]").count() >= 1
    assert fits(phone)
