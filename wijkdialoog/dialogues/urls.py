from .views import organiser, public

urlpatterns = [*public.urlpatterns, *organiser.urlpatterns]
