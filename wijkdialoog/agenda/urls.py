from django.urls import URLPattern, URLResolver

from .views import announce, manage, paper, polis, results, voting, wijkagenda

urlpatterns: list[URLPattern | URLResolver] = [
    *manage.urlpatterns,
    *polis.urlpatterns,
    *announce.urlpatterns,
    *results.urlpatterns,
    *wijkagenda.urlpatterns,
    *voting.urlpatterns,
    *paper.urlpatterns,
]
