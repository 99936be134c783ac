from django.urls import URLPattern, URLResolver

from .views import evaluation as evaluation_views
from .views import newsletter as newsletter_views

urlpatterns: list[URLPattern | URLResolver] = [
    *evaluation_views.urlpatterns,
    *newsletter_views.urlpatterns,
]
