"""Charts people would rather look at than read: SVG drawn on the server by pygal, in the
theme's colours, each with a text alternative and its data as a table beside it.

No JavaScript, and no inline styles: the pages' content security policy allows neither. pygal's
script is left out of every chart, and its stylesheet (the same for every chart, scoped to the
class `pygal-chart` instead of one chart's id) is the static file `reporting/charts.css`.
`stylesheet()` makes that file, `python -m wijkdialoog.reporting.charts` writes it, and a test
keeps it current. On paper there is no such policy, and WeasyPrint styles an SVG only from
inside it: `Chart.print_svg` carries the same stylesheet within the drawing.
"""

import functools
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pygal
from django.utils.safestring import SafeString, mark_safe
from pygal.style import Style

# From the theme (the EUPL example tokens): dark green, light green, grey, orange.
THEME_COLOURS = ("#0c451c", "#5a9d3a", "#6b6b6b", "#b4581a", "#1f5f8b", "#8a2b5f")
STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#0b0c0c",
    foreground_strong="#0b0c0c",
    foreground_subtle="#555555",
    opacity="1",
    opacity_hover="1",
    colors=THEME_COLOURS,
    font_family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    label_font_size=13,
    major_label_font_size=13,
    value_font_size=12,
    value_label_font_size=12,
    legend_font_size=13,
    title_font_size=15,
    tooltip_font_size=12,
    guide_stroke_color="#c8c8c8",
    major_guide_stroke_color="#8c8c8c",
    guide_stroke_dasharray="2,3",
    major_guide_stroke_dasharray="2,3",
)
STYLESHEET_PATH = Path(__file__).parent / "static" / "reporting" / "charts.css"

Values = Sequence[float | None]


@dataclass(frozen=True)
class Chart:
    """One chart: its title, the sentence that says what it shows (the text alternative), the
    data (labels, and per series a name and one value per label) and the drawn SVG."""

    title: str
    description: str
    labels: tuple[str, ...]
    series: tuple[tuple[str, tuple[float | None, ...]], ...]
    unit: str
    svg: SafeString

    @property
    def rows(self) -> list[tuple[str, list[float | None]]]:
        """The data as table rows: a label and its value in each series."""
        return [
            (label, [values[index] for _name, values in self.series])
            for index, label in enumerate(self.labels)
        ]

    @property
    def print_svg(self) -> SafeString:
        """The drawing with its stylesheet inside, for a PDF."""
        styled = self.svg.replace("<defs />", f"<defs><style>{_print_css()}</style></defs>", 1)
        return mark_safe(styled)  # The stylesheet is our own file, made from pygal.


@functools.cache
def _print_css() -> str:
    return stylesheet().split("*/", 1)[1].strip()


def _config(*, horizontal: bool, height: int, unit: str, maximum: float | None) -> pygal.Config:
    config = pygal.Config()
    config.style = STYLE
    config.js = []
    # Narrow enough that the words stay readable when a phone shrinks the drawing to fit.
    config.width = 460
    config.height = height
    config.explicit_size = False
    config.legend_at_bottom = True
    config.legend_at_bottom_columns = 2
    # The figures stand in the table beside the drawing; printed on the bars they would collide.
    config.print_values = False
    config.show_y_guides = not horizontal
    config.show_x_guides = horizontal
    config.truncate_label = -1
    config.truncate_legend = -1
    config.margin = 12
    # Few steps on the value axis, so its numbers never run into each other on a phone.
    config.max_scale = 6
    config.spacing = 8
    config.formatter = lambda value: "" if value is None else f"{value:g}{unit}"
    config.value_formatter = config.formatter
    if maximum is not None:
        config.range = (0, maximum)
    return config


def bar_chart(
    *,
    title: str,
    description: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, Values]],
    unit: str = "%",
    horizontal: bool = True,
    maximum: float | None = None,
) -> Chart:
    """A bar chart, horizontal by default (long Dutch labels read best beside the bars)."""
    rows = max(len(labels), 1) * max(len(series), 1)
    height = 130 + (26 * rows if horizontal else 240)
    config = _config(horizontal=horizontal, height=height, unit=unit, maximum=maximum)
    chart = (pygal.HorizontalBar if horizontal else pygal.Bar)(config)
    # pygal draws horizontal bars from the bottom up; the first label belongs on top.
    order = slice(None, None, -1) if horizontal else slice(None)
    chart.x_labels = [_short(label) for label in labels][order]
    for name, values in series:
        chart.add(name, list(values)[order])
    return Chart(
        title=title,
        description=description,
        labels=tuple(labels),
        series=tuple((name, tuple(values)) for name, values in series),
        unit=unit,
        svg=_clean_svg(chart.render_tree(), description),
    )


def _short(label: str, limit: int = 26) -> str:
    """A long label would squeeze the bars on a phone; the table beside has the whole text."""
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _clean_svg(tree: ET.Element, description: str) -> SafeString:
    """The SVG without pygal's script, stylesheet, comments and title (the page has the title
    and the table), marked as one image with the description as its text alternative."""
    for defs in tree.findall("defs"):
        for child in list(defs):
            if child.tag in ("script", "style"):
                defs.remove(child)
    for child in list(tree):
        if not isinstance(child.tag, str) or child.tag == "title":
            tree.remove(child)
    # The tooltip needs pygal's script, and its inline style breaks the content security policy.
    for parent in list(tree.iter()):
        for child in list(parent):
            if "tooltip-overlay" in child.get("class", "").split():
                parent.remove(child)
    # Any other inline style would be blocked too; the stylesheet says all.
    for element in tree.iter():
        element.attrib.pop("style", None)
    tree.attrib.pop("id", None)
    tree.set("role", "img")
    tree.set("aria-label", description)
    tree.set("focusable", "false")
    svg = ET.tostring(tree, encoding="unicode")
    # Drawn by pygal from escaped text, parsed and written out again by ElementTree.
    return mark_safe(svg)


def stylesheet() -> str:
    """pygal's stylesheet in the theme's style, scoped to every chart instead of one."""
    chart = pygal.Bar(_config(horizontal=False, height=300, unit="", maximum=None))
    for _colour in THEME_COLOURS:  # pygal writes the rule of a colour only for a series that has it
        chart.add("", [1])
    styles = chart.render_tree().find("defs/style")
    assert styles is not None and styles.text is not None
    css = re.sub(r"#chart-[0-9a-f-]+", ".pygal-chart", styles.text).strip()
    # Generated from pygal; the header says how, so nobody edits it by hand.
    return (
        "/* Made by `python -m wijkdialoog.reporting.charts` from pygal's stylesheet: "
        "do not edit. */\n" + css + "\n"
    )


if __name__ == "__main__":
    STYLESHEET_PATH.write_text(stylesheet(), encoding="utf-8")
