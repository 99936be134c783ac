"""Shared state while the demo data loads: each app's `demo.load(context)` reads what earlier apps
made (the organisation, neighbourhoods, people) and adds its own."""

from dataclasses import dataclass, field
from typing import Any

DEMO_PASSWORD = "wijkdialoog-demo"


@dataclass
class DemoContext:
    password: str = DEMO_PASSWORD
    objects: dict[str, Any] = field(default_factory=dict)
    logins: list[tuple[str, str]] = field(default_factory=list)

    def __getitem__(self, key):
        return self.objects[key]

    def __setitem__(self, key, value):
        self.objects[key] = value
