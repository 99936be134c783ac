from .views import channels, exports, registering, tables

urlpatterns = [
    *registering.urlpatterns,
    *channels.urlpatterns,
    *tables.urlpatterns,
    *exports.urlpatterns,
]
