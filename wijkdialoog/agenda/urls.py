from django.urls import URLPattern, URLResolver

from .views import manage, paper, results, voting, wijkagenda

urlpatterns: list[URLPattern | URLResolver] = [
    *manage.urlpatterns,
    *results.urlpatterns,
    *wijkagenda.urlpatterns,
    *voting.urlpatterns,
    *paper.urlpatterns,
]
