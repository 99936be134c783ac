from django.conf import settings


def site(request):
    return {
        "SITE_URL": settings.SITE_URL,
        "DEBUG": settings.DEBUG,
        # Pages that tell people how long a login link works or a login pause lasts.
        "MAGIC_LINK_MINUTES": settings.SESAME_MAX_AGE // 60,
        "LOGIN_PAUSE_MINUTES": round(settings.AXES_COOLOFF_TIME * 60),
    }
