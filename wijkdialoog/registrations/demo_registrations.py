"""Demo data: demo_registrations."""


def load(context) -> None:
    """Filled in by the feature that owns this module."""
