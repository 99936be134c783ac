from django.urls import URLPattern, URLResolver

from .views import population

urlpatterns: list[URLPattern | URLResolver] = [
    *population.urlpatterns,
]
