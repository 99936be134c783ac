from django.urls import URLPattern, URLResolver

from .views import answer, kerngroep, kerngroep_member, organiser

urlpatterns: list[URLPattern | URLResolver] = [
    *organiser.urlpatterns,
    *answer.urlpatterns,
    *kerngroep.urlpatterns,
    *kerngroep_member.urlpatterns,
]
