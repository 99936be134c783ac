from django.urls import URLPattern

from .views import story, story_public

urlpatterns: list[URLPattern] = [
    *story.urlpatterns,
    *story_public.urlpatterns,
]
