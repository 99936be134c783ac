from django.urls import path

from . import views
from .landmarks import landmark

urlpatterns = [
    path("", landmark("home"), name="home"),
    path("privacy/", landmark("privacy"), name="privacy"),
    path("gezond/", views.health, name="health"),
]
