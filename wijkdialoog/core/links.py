"""Addresses that a lower app needs and a higher app owns.

Dialogues mails a facilitator where to lead their table, but facilitator mode belongs to
harvest. The higher app provides the address in its `AppConfig.ready()`:

    provide_link("lead-table", lambda table: reverse("table-run", args=[table.pk]))

and the lower app asks for it with `link("lead-table", table)`, which is None when no app
provides it.
"""

from collections.abc import Callable

_providers: dict[str, Callable[..., str]] = {}


def provide_link(name: str, address: Callable[..., str]) -> None:
    _providers[name] = address


def link(name: str, *args) -> str | None:
    address = _providers.get(name)
    return None if address is None else address(*args)
