"""The demo: the Kersenbuurt's figures come from the CBS fixture, and its series page names who
is missing, because the demo's participants told their age group."""

from django.urls import reverse
from django.utils import translation

from wijkdialoog.community.models import Neighbourhood
from wijkdialoog.dialogues.models import Series
from wijkdialoog.reporting import participation
from wijkdialoog.reporting.demo_population import load_population
from wijkdialoog.reporting.models import Population
from wijkdialoog.site.management.commands.demo import load_demo


def test_the_demo_kersenbuurt_gets_its_cbs_figures_and_names_who_is_missing(client, db):
    context = load_demo()
    load_population(context)

    kersenbuurt = Neighbourhood.objects.get(slug="kersenbuurt")
    figures = Population.objects.get(neighbourhood=kersenbuurt)
    assert (figures.year, figures.inhabitants, figures.region_code) == (2024, 6240, "WK999901")
    assert figures.is_from_cbs
    # Rietveld has no CBS code: it gets nothing.
    assert Population.objects.count() == 1

    series = Series.objects.filter(neighbourhood=kersenbuurt).first()
    with translation.override("nl"):
        who = participation.for_series(series)
        assert who.participants >= 5
        assert any(sentence.startswith("Jongeren van 15 tot 25") for sentence in who.missing)

        client.force_login(context["people"]["organisator"].user)
        page = client.get(reverse("series-detail", args=[series.pk])).content.decode()
    assert "Wie we missen" in page


def test_loading_the_figures_twice_keeps_one_row_per_year(db):
    context = load_demo()
    load_population(context)
    load_population(context)

    assert Population.objects.count() == 1
