from .views import organiser, public, tables, venues

urlpatterns = [
    *public.urlpatterns,
    *organiser.urlpatterns,
    *venues.urlpatterns,
    *tables.urlpatterns,
]
