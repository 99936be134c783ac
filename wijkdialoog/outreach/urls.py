from .views import channels

urlpatterns = channels.urlpatterns
