from .views import themes

urlpatterns = [*themes.urlpatterns]
