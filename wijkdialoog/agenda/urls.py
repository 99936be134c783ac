from django.urls import URLPattern, URLResolver

from .views import paper, voting

urlpatterns: list[URLPattern | URLResolver] = [*voting.urlpatterns, *paper.urlpatterns]
