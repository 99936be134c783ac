"""Themes found together: what the system suggests and sorts, and that it never undoes what a
person decided."""

from django.core.exceptions import ValidationError

from tests.builders import make_card
from tests.synthesis.conftest import by_text
from wijkdialoog.core.models import ACTION_LABELS, AuditEntry
from wijkdialoog.harvest.models import Card
from wijkdialoog.synthesis import curation, sorting
from wijkdialoog.synthesis.models import CardTheme, SeriesSpace, Theme


def theme_of(card) -> Theme | None:
    return CardTheme.objects.get(card=card).theme


def test_suggestions_cover_every_card_with_names_keywords_and_a_typical_card(series, suggested):
    assert len(suggested) == 3
    assert CardTheme.objects.filter(series=series, theme__isnull=False).count() == 24
    for theme in suggested:
        assert theme.suggested and not theme.curated
        assert theme.keywords and theme.name
        assert theme_of(theme.central_card) == theme
    assert SeriesSpace.objects.get(series=series).card_count == 24


def test_the_three_clear_themes_are_found(suggested, harvest):
    assert theme_of(by_text(harvest, "Auto's rijden")) == theme_of(by_text(harvest, "Drempels"))
    assert theme_of(by_text(harvest, "De speeltuin bij")) == theme_of(by_text(harvest, "Een grote"))
    assert theme_of(by_text(harvest, "Veel ouderen")) != theme_of(by_text(harvest, "Auto's rijden"))


def test_private_pending_and_rejected_cards_are_never_in_a_theme(series, harvest, organiser):
    meeting = harvest[0].meeting
    hidden = [
        make_card(meeting, "Ik ga zelf de speeltuin vegen.", kind="action", owner=organiser.person),
        make_card(meeting, "De speeltuin is vies.", status=Card.Status.PENDING),
        make_card(meeting, "De speeltuin is stom.", status=Card.Status.REJECTED),
    ]
    sorting.suggest_themes(series=series, actor=organiser.person.user, k=3)
    sorting.sort_cards(series=series)
    assert not CardTheme.objects.filter(card__in=hidden).exists()


def test_too_few_cards_are_refused(neighbourhood, organiser):
    from tests.synthesis.themes_data import PLAY, make_harvest

    cards = make_harvest(neighbourhood, PLAY[:5])
    try:
        sorting.suggest_themes(series=cards[0].meeting.series, actor=organiser.person.user)
    except ValidationError as error:
        assert error.code == "too_few_cards"
    else:
        raise AssertionError("suggested themes for five cards")


def test_a_rerun_keeps_a_renamed_theme_and_a_confirmed_card(series, suggested, harvest, organiser):
    user = organiser.person.user
    traffic = theme_of(by_text(harvest, "Auto's rijden"))
    renamed = curation.update_theme(theme=traffic, actor=user, name="Verkeer")
    its_cards = set(renamed.card_links.values_list("card_id", flat=True))
    lonely = theme_of(by_text(harvest, "Veel ouderen"))
    moved = by_text(harvest, "Een zebrapad")
    curation.move_card(series=series, card=moved, theme=lonely, actor=user)
    untouched = {t.pk for t in suggested} - {traffic.pk, lonely.pk}

    sorting.suggest_themes(series=series, actor=user, k=2)
    sorting.sort_cards(series=series, actor=user)

    renamed.refresh_from_db()
    assert (renamed.name, renamed.curated) == ("Verkeer", True)
    assert its_cards <= set(renamed.card_links.values_list("card_id", flat=True))
    link = CardTheme.objects.get(card=moved)
    assert (link.theme_id, link.confirmed, link.confirmed_by) == (lonely.pk, True, user)
    assert not Theme.objects.filter(pk__in=untouched).exists()


def test_a_card_below_the_threshold_stays_unsorted(neighbourhood, organiser):
    from tests.synthesis.themes_data import ALL, make_harvest

    cards = make_harvest(neighbourhood, ALL)
    series = cards[0].meeting.series
    curation.create_theme(
        series=series,
        actor=organiser.person.user,
        name="Verkeer",
        description="Auto's die te hard rijden, drempels en veilig oversteken.",
    )
    sorting.sort_cards(series=series)
    traffic = by_text(cards, "Drempels")
    lonely = by_text(cards, "Sinds mijn man")
    assert theme_of(traffic) is not None
    link = CardTheme.objects.get(card=lonely)
    assert link.theme is None and link.confidence < sorting.themes.THRESHOLD


def test_merge_keeps_confirmed_cards_confirmed(series, suggested, organiser):
    user = organiser.person.user
    first, second, _third = suggested
    kept = second.card_links.first()
    curation.move_card(series=series, card=kept.card, theme=second, actor=user)
    count = first.card_links.count() + second.card_links.count()
    curation.merge_themes(theme=second, into=first, actor=user)
    assert not Theme.objects.filter(pk=second.pk).exists()
    assert first.card_links.count() == count
    assert CardTheme.objects.get(card=kept.card).confirmed


def test_split_moves_the_chosen_cards_into_a_new_confirmed_theme(series, suggested, organiser):
    first = suggested[0]
    chosen = [link.card for link in first.card_links.all()[:2]]
    new = curation.split_theme(theme=first, cards=chosen, actor=organiser.person.user, name="Apart")
    assert new.curated and new.name == "Apart"
    assert {link.card_id for link in new.card_links.filter(confirmed=True)} == {
        c.pk for c in chosen
    }


def test_delete_makes_its_cards_unsorted_and_the_next_sort_places_them(
    series, suggested, organiser
):
    user = organiser.person.user
    first = suggested[0]
    card_ids = list(first.card_links.values_list("card_id", flat=True))
    curation.confirm_theme(theme=first, actor=user)
    curation.delete_theme(theme=first, actor=user)
    links = CardTheme.objects.filter(card_id__in=card_ids)
    assert all(link.theme is None and not link.confirmed for link in links)
    sorting.sort_cards(series=series, actor=user)
    links = CardTheme.objects.filter(card_id__in=card_ids)
    assert all(link.confidence is not None and not link.confirmed for link in links)


def test_one_new_card_is_sorted_in_a_few_queries(suggested, harvest, django_assert_max_num_queries):
    card = make_card(harvest[0].meeting, "Meer bankjes in de speeltuin voor de ouders.")
    store_vector_for_new(card)
    with django_assert_max_num_queries(8):
        link = sorting.assign_new_card(card.pk)
    assert link is not None


def store_vector_for_new(card) -> None:
    from wijkdialoog.synthesis import vectors

    vectors.store_vectors([card])


def test_every_decision_is_in_the_audit_log_with_a_label(series, suggested, organiser):
    user = organiser.person.user
    curation.update_theme(theme=suggested[0], actor=user, name="Spelen")
    curation.confirm_theme(theme=suggested[0], actor=user)
    sorting.sort_cards(series=series, actor=user)
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"themes.suggested", "theme.changed", "theme.confirmed", "themes.sorted"} <= actions
    assert all(action in ACTION_LABELS for action in actions)
