from django.urls import URLPattern, URLResolver

from .views import courses, courses_public, sessions

urlpatterns: list[URLPattern | URLResolver] = [
    *courses.urlpatterns,
    *sessions.urlpatterns,
    *courses_public.urlpatterns,
]
