"""Organiser pages beyond the statements (results, wijkagenda), for the rules test."""

from django.urls import reverse

from wijkdialoog.agenda.models import AgendaItem


def extra_pages(agenda, statement) -> list[tuple[str, str, dict]]:
    item = AgendaItem.objects.create(agenda=agenda, position=1, title="Iets")
    return [
        ("get", reverse("agenda-results-manage", args=[agenda.pk]), {}),
        ("get", reverse("agenda-import", args=[agenda.series_id]), {}),
        ("post", reverse("agenda-import", args=[agenda.series_id]), {"title": "X"}),
        ("get", reverse("agenda-export", args=[agenda.pk]), {}),
        ("get", reverse("wijkagenda-compose", args=[agenda.pk]), {}),
        ("post", reverse("agenda-item-add", args=[agenda.pk]), {"title": "X"}),
        ("post", reverse("wijkagenda-publish", args=[agenda.pk]), {"action": "publish"}),
        ("get", reverse("agenda-item-edit", args=[item.pk]), {}),
        ("post", reverse("agenda-item-edit", args=[item.pk]), {"title": "X"}),
        ("post", reverse("agenda-item-move", args=[item.pk]), {"direction": "up"}),
        ("post", reverse("agenda-item-remove", args=[item.pk]), {}),
    ]
