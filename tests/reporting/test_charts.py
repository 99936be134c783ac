import xml.etree.ElementTree as ET

from django.template.loader import render_to_string

from wijkdialoog.reporting.charts import STYLESHEET_PATH, bar_chart, stylesheet

SVG = "{http://www.w3.org/2000/svg}"


def _chart():
    return bar_chart(
        title="Wie kwamen er",
        description="Jongeren van 15 tot 25 jaar: 14% van de buurt, 3% van de deelnemers.",
        labels=["15 tot 25 jaar", "65 jaar en ouder"],
        series=[("Buurt", [14, 20]), ("Deelnemers", [3, None])],
    )


def test_the_committed_stylesheet_is_the_one_pygal_makes_now():
    assert STYLESHEET_PATH.read_text(encoding="utf-8") == stylesheet()


def test_the_stylesheet_is_scoped_to_charts_so_it_cannot_restyle_the_page():
    rules = stylesheet().split("*/", 1)[1]
    selectors = [block.split("{")[0] for block in rules.split("}") if "{" in block]
    assert selectors
    assert all(
        part.strip().startswith(".pygal-chart") for sel in selectors for part in sel.split(",")
    )


def test_a_chart_carries_no_script_and_no_inline_stylesheet_for_the_content_security_policy():
    svg = ET.fromstring(_chart().svg)
    tags = {element.tag.removeprefix(SVG) for element in svg.iter()}
    assert "script" not in tags and "style" not in tags
    assert "id" not in svg.attrib


def test_a_chart_is_one_image_with_its_description_as_text_alternative():
    svg = ET.fromstring(_chart().svg)
    assert svg.get("role") == "img"
    assert svg.get("aria-label").startswith("Jongeren van 15 tot 25 jaar")


def test_the_include_shows_the_figures_in_a_table_beside_the_drawing():
    html = render_to_string("reporting/includes/chart.html", {"chart": _chart()})
    assert "<figure" in html and "Wie kwamen er</figcaption>" in html
    assert '<th class="utrecht-table__header-cell" scope="row">15 tot 25 jaar</th>' in html
    assert ">14%</td>" in html and ">3%</td>" in html
    # A value that is missing shows as a dash, not as 0.
    assert ">–</td>" in html


def test_a_chart_of_whole_numbers_can_have_another_unit():
    chart = bar_chart(
        title="Aanmeldingen per kanaal",
        description="Via de flyer kwamen 12 mensen.",
        labels=["Flyer"],
        series=[("Aanmeldingen", [12])],
        unit="",
        horizontal=False,
    )
    assert chart.rows == [("Flyer", [12])]
    assert ">12<" in chart.svg


def test_on_paper_the_drawing_carries_the_colour_of_every_series_inside_it():
    print_svg = ET.fromstring(_chart().print_svg)
    styles = print_svg.find(f"{SVG}defs/{SVG}style")
    assert styles is not None
    assert ".pygal-chart .color-0" in styles.text and ".pygal-chart .color-1" in styles.text
    # The page's drawing has no stylesheet inside: the page links charts.css.
    assert "<style" not in _chart().svg


def test_the_first_label_is_drawn_on_top_of_a_horizontal_chart():
    svg = ET.fromstring(_chart().svg)
    height = {text.text: float(text.get("y")) for text in svg.iter(f"{SVG}text")}
    assert height["15 tot 25 jaar"] < height["65 jaar en ouder"]  # SVG's y grows downwards
    assert _chart().rows[0][0] == "15 tot 25 jaar"


def test_a_long_label_is_shortened_in_the_drawing_but_whole_in_the_table():
    label = "Ik sprak mensen die ik anders niet zou ontmoeten"
    chart = bar_chart(title="t", description="d", labels=[label], series=[("Ja", [62])])
    texts = [text.text for text in ET.fromstring(chart.svg).iter(f"{SVG}text")]
    assert label not in texts and "Ik sprak mensen die ik an…" in texts
    assert chart.rows[0][0] == label
