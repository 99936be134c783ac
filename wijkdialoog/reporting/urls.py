from django.urls import URLPattern, URLResolver

from .views import evaluation as evaluation_views
from .views import newsletter as newsletter_views
from .views import population, reports_internal, reports_manage, reports_public

urlpatterns: list[URLPattern | URLResolver] = [
    *evaluation_views.urlpatterns,
    *newsletter_views.urlpatterns,
    *population.urlpatterns,
    *reports_manage.urlpatterns,
    # Before the public series address, whose first part is a slug too.
    *reports_internal.urlpatterns,
    *reports_public.urlpatterns,
]
