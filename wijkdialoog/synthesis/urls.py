from django.urls import URLPattern, URLResolver

from .views import harvest, highlights, sharing

urlpatterns: list[URLPattern | URLResolver] = [
    *harvest.urlpatterns,
    *highlights.urlpatterns,
    *sharing.urlpatterns,
]
