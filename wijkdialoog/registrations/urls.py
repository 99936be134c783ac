from .views import channels, registering, tables

urlpatterns = [*registering.urlpatterns, *channels.urlpatterns, *tables.urlpatterns]
