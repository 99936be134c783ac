from .views import tables

urlpatterns = tables.urlpatterns
