from .views import library

urlpatterns = [*library.urlpatterns]
