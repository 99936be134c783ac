from django.conf import settings
from django.urls import include, path
from django.views.i18n import set_language

urlpatterns = [
    path("", include("wijkdialoog.core.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("", include("wijkdialoog.community.urls")),
    path("", include("wijkdialoog.dialogues.urls")),
    path("", include("wijkdialoog.registrations.urls")),
    path("", include("wijkdialoog.outreach.urls")),
    path("", include("wijkdialoog.seating.urls")),
    path("", include("wijkdialoog.methods.urls")),
    path("", include("wijkdialoog.harvest.urls")),
    path("", include("wijkdialoog.synthesis.urls")),
    path("", include("wijkdialoog.agenda.urls")),
    path("", include("wijkdialoog.followup.urls")),
    path("", include("wijkdialoog.reporting.urls")),
    path("", include("wijkdialoog.learning.urls")),
]

handler400 = "wijkdialoog.core.views.bad_request"
handler403 = "wijkdialoog.core.views.permission_denied"
handler404 = "wijkdialoog.core.views.page_not_found"
handler500 = "wijkdialoog.core.views.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
