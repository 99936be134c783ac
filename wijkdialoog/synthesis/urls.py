from django.urls import URLPattern, URLResolver

from .views import harvest, highlights, sharing, themes

urlpatterns: list[URLPattern | URLResolver] = [
    *harvest.urlpatterns,
    *highlights.urlpatterns,
    *sharing.urlpatterns,
    *themes.urlpatterns,
]
