"""Demo data for registrations (outreach's channels load before it, the table division after)."""

from . import demo_registrations


def load(context) -> None:
    demo_registrations.load(context)
