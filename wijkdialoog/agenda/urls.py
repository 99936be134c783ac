from django.urls import URLPattern, URLResolver

from .views import announce, manage, paper, results, voting, wijkagenda

urlpatterns: list[URLPattern | URLResolver] = [
    *manage.urlpatterns,
    *announce.urlpatterns,
    *results.urlpatterns,
    *wijkagenda.urlpatterns,
    *voting.urlpatterns,
    *paper.urlpatterns,
]
