from django.urls import URLPattern, URLResolver

from .views import population, reports_internal, reports_manage, reports_public

urlpatterns: list[URLPattern | URLResolver] = [
    *population.urlpatterns,
    *reports_manage.urlpatterns,
    # Before the public series address, whose first part is a slug too.
    *reports_internal.urlpatterns,
    *reports_public.urlpatterns,
]
