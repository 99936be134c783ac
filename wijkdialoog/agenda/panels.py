"""Where the wijkagenda shows itself on the pages of lower apps (core/panels.py)."""


def register_panels() -> None:
    pass
