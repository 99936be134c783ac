"""Demo data for registrations: channels first, then registrations, then the table division."""

from . import demo_channels, demo_registrations, demo_tables


def load(context) -> None:
    demo_channels.load(context)
    demo_registrations.load(context)
    demo_tables.load(context)
