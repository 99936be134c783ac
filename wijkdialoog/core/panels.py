"""Places on a page that higher apps fill in, so a lower app never includes their templates.

A page names its places (`{% panels "meeting-manage" %}`, from the `panels` tag library); an app
adds a panel to a place in its `AppConfig.ready()`:

    register_panel("meeting-manage", template="harvest/includes/meeting_overview.html", order=20)

Panels render in `order`, with the page's context plus what `context(page_context)` returns;
`condition(page_context)` may leave a panel out.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

ContextFunction = Callable[[Mapping[str, Any]], Mapping[str, Any]]
Condition = Callable[[Mapping[str, Any]], bool]


@dataclass(frozen=True)
class Panel:
    template: str
    order: int = 100
    context: ContextFunction | None = None
    condition: Condition | None = None


_places: dict[str, dict[str, Panel]] = {}


def register_panel(
    place: str,
    *,
    template: str,
    order: int = 100,
    context: ContextFunction | None = None,
    condition: Condition | None = None,
) -> Panel:
    """Adds a panel to a place; registering the same template again replaces it."""
    panel = Panel(template=template, order=order, context=context, condition=condition)
    _places.setdefault(place, {})[template] = panel
    return panel


def unregister_panel(place: str, *, template: str) -> None:
    _places.get(place, {}).pop(template, None)


def panels_for(place: str) -> list[Panel]:
    return sorted(_places.get(place, {}).values(), key=lambda panel: (panel.order, panel.template))
