from django.urls import URLPattern, URLResolver

from .views import harvest, highlights, sharing, story, story_public, themes

urlpatterns: list[URLPattern | URLResolver] = [
    *harvest.urlpatterns,
    *highlights.urlpatterns,
    *sharing.urlpatterns,
    *themes.urlpatterns,
    *story.urlpatterns,
    *story_public.urlpatterns,
]
