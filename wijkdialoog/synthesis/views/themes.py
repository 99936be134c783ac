"""The organiser's theme pages: a series' themes with their cards, and one theme to change."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from wijkdialoog.core.forms import show_domain_error
from wijkdialoog.dialogues.models import Series

from .. import curation, sorting
from ..access import get_series_to_curate, get_theme_to_curate
from ..forms import MergeForm, MoveCardForm, SplitForm, SuggestForm, ThemeForm
from ..models import Theme
from ..theme_board import theme_board


def _series_page(request: HttpRequest, series: Series, **forms: Any) -> HttpResponse:
    board = theme_board(series)
    context = {
        "series": series,
        "board": board,
        "theme_choices": [item.theme for item in board.themes],
        "suggest_form": forms.get("suggest_form") or SuggestForm(),
        "create_form": forms.get("create_form") or ThemeForm(prefix="new"),
        "min_cards": sorting.MIN_CARDS,
        "back": request.path,
    }
    return render(request, "synthesis/series_themes.html", context, status=forms.get("status", 200))


@require_GET
def series_themes(request: HttpRequest, pk: int) -> HttpResponse:
    return _series_page(request, get_series_to_curate(request, pk))


@require_POST
def themes_suggest(request: HttpRequest, pk: int) -> HttpResponse:
    series = get_series_to_curate(request, pk)
    form = SuggestForm(request.POST)
    if form.is_valid():
        try:
            found = sorting.suggest_themes(
                series=series, actor=request.user, k=form.cleaned_data["k"]
            )
        except ValidationError as error:
            show_domain_error(form, error)
        else:
            messages.success(
                request,
                _("%(count)s themes suggested. Check them and correct them.")
                % {"count": len(found)},
            )
            return redirect("series-themes", pk=series.pk)
    return _series_page(request, series, suggest_form=form, status=400)


@require_POST
def themes_sort(request: HttpRequest, pk: int) -> HttpResponse:
    series = get_series_to_curate(request, pk)
    result = sorting.sort_cards(series=series, actor=request.user)
    messages.success(
        request,
        _("Cards sorted: %(sorted)s in a theme, %(unsorted)s not sorted yet.")
        % {"sorted": result.sorted, "unsorted": result.unsorted},
    )
    return redirect("series-themes", pk=series.pk)


@require_POST
def theme_create(request: HttpRequest, pk: int) -> HttpResponse:
    series = get_series_to_curate(request, pk)
    form = ThemeForm(request.POST, prefix="new")
    if form.is_valid():
        theme = curation.create_theme(series=series, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The theme “%(name)s” has been made.") % {"name": theme.name})
        return redirect(f"{reverse('series-themes', args=[series.pk])}#theme-{theme.pk}")
    return _series_page(request, series, create_form=form, status=400)


def _theme_page(request: HttpRequest, theme: Theme, **forms: Any) -> HttpResponse:
    board = theme_board(theme.series, only=theme)
    context = {
        "series": theme.series,
        "theme": theme,
        "item": board.themes[0],
        "theme_choices": list(theme.series.themes.all()),
        "edit_form": forms.get("edit_form") or ThemeForm(instance=theme, prefix="edit"),
        "merge_form": forms.get("merge_form") or MergeForm(theme=theme, prefix="merge"),
        "split_form": forms.get("split_form") or SplitForm(theme=theme, prefix="split"),
        "back": request.path,
    }
    return render(request, "synthesis/theme_detail.html", context, status=forms.get("status", 200))


@require_GET
def theme_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _theme_page(request, get_theme_to_curate(request, pk))


@require_POST
def theme_edit(request: HttpRequest, pk: int) -> HttpResponse:
    theme = get_theme_to_curate(request, pk)
    form = ThemeForm(request.POST, instance=Theme.objects.get(pk=theme.pk), prefix="edit")
    if form.is_valid():
        curation.update_theme(theme=theme, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The theme has been saved."))
        return redirect("theme-detail", pk=theme.pk)
    return _theme_page(request, theme, edit_form=form, status=400)


@require_POST
def theme_merge(request: HttpRequest, pk: int) -> HttpResponse:
    theme = get_theme_to_curate(request, pk)
    form = MergeForm(request.POST, theme=theme, prefix="merge")
    if form.is_valid():
        into = curation.merge_themes(
            theme=theme, into=form.cleaned_data["into"], actor=request.user
        )
        messages.success(
            request,
            _("“%(old)s” has been merged into “%(new)s”.") % {"old": theme.name, "new": into.name},
        )
        return redirect("theme-detail", pk=into.pk)
    return _theme_page(request, theme, merge_form=form, status=400)


@require_POST
def theme_split(request: HttpRequest, pk: int) -> HttpResponse:
    theme = get_theme_to_curate(request, pk)
    form = SplitForm(request.POST, theme=theme, prefix="split")
    if form.is_valid():
        data = dict(form.cleaned_data)
        new = curation.split_theme(theme=theme, cards=data.pop("cards"), actor=request.user, **data)
        messages.success(request, _("The theme “%(name)s” has been made.") % {"name": new.name})
        return redirect("theme-detail", pk=new.pk)
    return _theme_page(request, theme, split_form=form, status=400)


@require_http_methods(["GET", "POST"])
def theme_delete(request: HttpRequest, pk: int) -> HttpResponse:
    theme = get_theme_to_curate(request, pk)
    if request.method == "POST":
        series = curation.delete_theme(theme=theme, actor=request.user)
        messages.success(
            request,
            _("The theme “%(name)s” has been deleted. Its cards are not sorted now.")
            % {"name": theme.name},
        )
        return redirect("series-themes", pk=series.pk)
    count = theme.card_links.count()
    return render(
        request,
        "synthesis/theme_delete.html",
        {"theme": theme, "series": theme.series, "count": count},
    )


@require_POST
def theme_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    theme = get_theme_to_curate(request, pk)
    count = curation.confirm_theme(theme=theme, actor=request.user)
    messages.success(request, _("%(count)s cards confirmed in this theme.") % {"count": count})
    return redirect("theme-detail", pk=theme.pk)


def _back(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return fallback


@require_POST
def card_move(request: HttpRequest, pk: int, card: int) -> HttpResponse:
    series = get_series_to_curate(request, pk)
    chosen = get_object_or_404(sorting.theme_cards(series), pk=card)
    form = MoveCardForm(request.POST, series=series)
    back = _back(request, reverse("series-themes", args=[series.pk]))
    if not form.is_valid():
        messages.error(request, _("Choose a theme to move the card to."))
        return redirect(back)
    theme = form.chosen_theme()
    curation.move_card(series=series, card=chosen, theme=theme, actor=request.user)
    if theme is None:
        messages.success(request, _("The card is now under “Not sorted yet”."))
    else:
        messages.success(
            request, _("The card has been moved to “%(name)s”.") % {"name": theme.name}
        )
    return redirect(f"{back}#card-{chosen.pk}")


urlpatterns = [
    path("beheer/wijkdialogen/<int:pk>/themas/", series_themes, name="series-themes"),
    path("beheer/wijkdialogen/<int:pk>/themas/voorstellen/", themes_suggest, name="themes-suggest"),
    path("beheer/wijkdialogen/<int:pk>/themas/indelen/", themes_sort, name="themes-sort"),
    path("beheer/wijkdialogen/<int:pk>/themas/nieuw/", theme_create, name="theme-create"),
    path(
        "beheer/wijkdialogen/<int:pk>/themas/kaart/<int:card>/", card_move, name="theme-card-move"
    ),
    path("beheer/themas/<int:pk>/", theme_detail, name="theme-detail"),
    path("beheer/themas/<int:pk>/bewerken/", theme_edit, name="theme-edit"),
    path("beheer/themas/<int:pk>/samenvoegen/", theme_merge, name="theme-merge"),
    path("beheer/themas/<int:pk>/splitsen/", theme_split, name="theme-split"),
    path("beheer/themas/<int:pk>/verwijderen/", theme_delete, name="theme-delete"),
    path("beheer/themas/<int:pk>/bevestigen/", theme_confirm, name="theme-confirm"),
]
