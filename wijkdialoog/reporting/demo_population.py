"""Demo: the Kersenbuurt's population figures, imported from the CBS fixture (a made-up
municipality in the exact format of the CBS table), as an organiser would."""

from pathlib import Path

from wijkdialoog.core.demo_support import DemoContext

from .population import import_population
from .population_file import read_figures, title_year

FIXTURE = Path(__file__).parent / "fixtures" / "kerncijfers-wijken-en-buurten-2024-westerlaan.csv"


def load_population(context: DemoContext) -> None:
    """Imports the figures of every demo neighbourhood whose CBS code is in the fixture."""
    content = FIXTURE.read_bytes()
    regions = read_figures(content)
    codes = {region.code for region in regions}
    year = title_year(content, FIXTURE.name)
    assert year is not None
    organiser = context["people"]["organisator"].user
    for neighbourhood in context["neighbourhoods"].values():
        if neighbourhood.cbs_code in codes:
            import_population(
                neighbourhood=neighbourhood,
                figures=regions,
                region_code=neighbourhood.cbs_code,
                year=year,
                actor=organiser,
                file_name=FIXTURE.name,
            )
