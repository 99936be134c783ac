from django.urls import URLPattern, URLResolver

from .views import announce, manage, results, wijkagenda

urlpatterns: list[URLPattern | URLResolver] = [
    *manage.urlpatterns,
    *announce.urlpatterns,
    *results.urlpatterns,
    *wijkagenda.urlpatterns,
]
