from django.urls import URLPattern, URLResolver

from .views import manage, results, wijkagenda

urlpatterns: list[URLPattern | URLResolver] = [
    *manage.urlpatterns,
    *results.urlpatterns,
    *wijkagenda.urlpatterns,
]
