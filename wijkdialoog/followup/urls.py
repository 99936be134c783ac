from django.urls import URLPattern, URLResolver

from .views import answer, initiative_public, initiative_team, initiatives, organiser

urlpatterns: list[URLPattern | URLResolver] = [
    *organiser.urlpatterns,
    *answer.urlpatterns,
    *initiatives.urlpatterns,
    *initiative_team.urlpatterns,
    *initiative_public.urlpatterns,
]
