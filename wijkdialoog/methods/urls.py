from .views import editing, library

urlpatterns = [*library.urlpatterns, *editing.urlpatterns]
