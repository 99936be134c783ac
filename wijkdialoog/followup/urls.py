from django.urls import URLPattern, URLResolver

from .views import (
    agreements,
    answer,
    contact_moments,
    decision_vote,
    decisions,
    initiative_public,
    initiative_team,
    initiatives,
    kerngroep,
    kerngroep_member,
    organiser,
    partner_work,
    party_link,
    progress,
)

urlpatterns: list[URLPattern | URLResolver] = [
    *organiser.urlpatterns,
    *answer.urlpatterns,
    *agreements.urlpatterns,
    *party_link.urlpatterns,
    *partner_work.urlpatterns,
    *initiatives.urlpatterns,
    *contact_moments.urlpatterns,
    *initiative_team.urlpatterns,
    *initiative_public.urlpatterns,
    *kerngroep.urlpatterns,
    *kerngroep_member.urlpatterns,
    *progress.urlpatterns,
    *decisions.urlpatterns,
    *decision_vote.urlpatterns,
]
