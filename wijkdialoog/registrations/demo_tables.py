"""Demo data: demo_tables."""


def load(context) -> None:
    """Filled in by the feature that owns this module."""
