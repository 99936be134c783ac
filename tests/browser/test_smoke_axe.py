def test_the_home_page_is_accessible_and_in_dutch(page, db):
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.locator("h1").inner_text() == "Praat mee over je buurt"
