from .views import check_in, exports, keep_posted, registering

urlpatterns = [
    *registering.urlpatterns,
    *check_in.urlpatterns,
    *exports.urlpatterns,
    *keep_posted.urlpatterns,
]
