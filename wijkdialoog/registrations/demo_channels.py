"""Demo data: demo_channels."""


def load(context) -> None:
    """Filled in by the feature that owns this module."""
