from django.urls import URLPattern, URLResolver

from .views import manage

urlpatterns: list[URLPattern | URLResolver] = [
    *manage.urlpatterns,
]
