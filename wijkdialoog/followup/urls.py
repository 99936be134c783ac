from django.urls import URLPattern, URLResolver

from .views import answer, organiser

urlpatterns: list[URLPattern | URLResolver] = [
    *organiser.urlpatterns,
    *answer.urlpatterns,
]
