from django.urls import URLPattern, URLResolver

from .views import courses, courses_leergang, courses_public, sessions

urlpatterns: list[URLPattern | URLResolver] = [
    *courses.urlpatterns,
    *courses_leergang.urlpatterns,
    *sessions.urlpatterns,
    *courses_public.urlpatterns,
]
