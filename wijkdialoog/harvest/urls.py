from .views import evaluation, exports, facilitator, paper, participant, wall

urlpatterns = [
    *facilitator.urlpatterns,
    *participant.urlpatterns,
    *wall.urlpatterns,
    *paper.urlpatterns,
    *exports.urlpatterns,
    *evaluation.urlpatterns,
]
