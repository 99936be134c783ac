"""The order of the apps, declared once: an app may use the apps before it, never those after it.

The order follows the cycle of a wijkdialoog. Apps still to come have their place already, so a
new app only adds code. ``site`` (the home and privacy pages) sits at the top and may use all.
"""

APP_ORDER: tuple[str, ...] = (
    "core",
    "community",
    "methods",
    "dialogues",
    "registrations",
    "outreach",
    "seating",
    "harvest",
    "synthesis",
    "agenda",
    "followup",
    "reporting",
    "learning",
    "privacy",
    "api",
    "site",
)


def rank(app: str) -> int:
    """The place of an app in the order; a lower app may not depend on a higher one."""
    return APP_ORDER.index(app)


def may_depend_on(app: str, other: str) -> bool:
    return rank(other) <= rank(app)
