from django.urls import URLPattern, URLResolver

from .views import collection as collection_views
from .views import collection_sharing as collection_sharing_views
from .views import courses, courses_leergang, courses_public, sessions

urlpatterns: list[URLPattern | URLResolver] = [
    *collection_views.urlpatterns,
    *collection_sharing_views.urlpatterns,
    *courses.urlpatterns,
    *courses_leergang.urlpatterns,
    *sessions.urlpatterns,
    *courses_public.urlpatterns,
]
