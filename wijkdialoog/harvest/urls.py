from .views import facilitator, paper, participant, wall

urlpatterns = [
    *facilitator.urlpatterns,
    *participant.urlpatterns,
    *wall.urlpatterns,
    *paper.urlpatterns,
]
