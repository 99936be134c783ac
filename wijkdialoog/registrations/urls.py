from .views import check_in, exports, registering

urlpatterns = [
    *registering.urlpatterns,
    *check_in.urlpatterns,
    *exports.urlpatterns,
]
