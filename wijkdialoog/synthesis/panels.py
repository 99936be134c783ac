"""Where themes and the story show themselves on the pages of lower apps (core/panels.py)."""


def register_panels() -> None:
    pass
